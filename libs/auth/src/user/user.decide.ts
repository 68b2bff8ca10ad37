import {
  bindToOrganisation,
  changePassword,
  createUser,
  disableUser,
  enableUser,
  rehashPassword,
} from './decide.account';
import { markNotificationsRead } from './decide.inbox';
import { issueRefreshToken, revokeRefreshToken, rotateRefreshToken } from './decide.sessions';
import type { UserCommand } from './user.commands';
import type { UserEvent } from './user.events';
import type { UserState } from './user.state';

/**
 * The events a command causes on an account in `state`, or a DomainError (user.errors.ts)
 * saying why not. Pure: time is `metadata.now`; hashes, digests and ids come in the command.
 */
export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'CreateUser':
      return createUser(command, state);
    case 'BindToOrganisation':
      return bindToOrganisation(command, state);
    case 'DisableUser':
      return disableUser(command, state);
    case 'EnableUser':
      return enableUser(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'RehashPassword':
      return rehashPassword(command, state);
    case 'IssueRefreshToken':
      return issueRefreshToken(command, state);
    case 'RotateRefreshToken':
      return rotateRefreshToken(command, state);
    case 'RevokeRefreshToken':
      return revokeRefreshToken(command, state);
    case 'MarkNotificationsRead':
      return markNotificationsRead(command, state);
    default: {
      const never: never = command;
      throw new Error(`unknown user command ${JSON.stringify(never)}`);
    }
  }
}
