/**
 * npm run organisations -- <command>: the organisation tree from the server's shell, on the
 * configured event store. Shell access is the proof here (as for `npm run users`), so this is
 * where a tree's roots are made and where organisations are placed under others across admins'
 * reach; the events are recorded under the system actor `cli:organisations`.
 *
 *   list
 *   create <id> --name <名称> --kind district|city|province [--parent <id>]
 *   rename <id> --name <名称>
 *   move <id> --parent <id>          a district that ran alone joins its city
 *   attach <id> --plan <planId>      a plan belongs to one organisation, for good
 */
import { clockFor, loadConfigOrExit } from '@zw/config';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATIONS_STREAM_ID,
  type OrganisationCommand,
  type OrganisationKind,
} from '@zw/domain';
import { openEventStore } from '@zw/event-store';
import { ORGANISATION_KINDS } from '@zw/plan';
import { commandLine, refusal, runCli, usageProblem } from '../cli/cli-run';
import { systemRequest } from '../commands/command-request';
import { ExecuteCommand, type Intent } from '../commands/execute-command.handler';
import { localCommands } from '../commands/local-commands';
import { StreamCache } from '../commands/stream-cache';

const ACTOR = 'cli:organisations';
const USAGE =
  'usage: npm run organisations -- list | create <id> --name <名称> --kind district|city|province [--parent <id>] | rename <id> --name <名称> | move <id> --parent <id> | attach <id> --plan <planId>';

async function main(): Promise<number> {
  const { command, subject: id, values } = commandLine(['name', 'kind', 'parent', 'plan']);
  const config = loadConfigOrExit();
  const clock = clockFor(config);
  const store = openEventStore(config, clock);
  const streams = new StreamCache(store);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (command === 'list') {
      const tree = (await streams.load('organisation', ORGANISATIONS_STREAM_ID)).state;
      for (const n of tree.nodes.values())
        print([n.id, ORGANISATION_KIND_LABELS[n.kind], n.name, n.parentId ?? '-', n.plans.join(',') || '-'].join('\t'));
      return 0;
    }
    if (!id) return usage('missing <id>');
    const data = dataFor(command, id, values);
    if (typeof data === 'string') return usage(data);
    const { events } = await localCommands(store, clock, streams).execute(
      new ExecuteCommand('organisation', ORGANISATIONS_STREAM_ID, data, undefined, systemRequest(ACTOR, 'cli')),
    );
    print(events.length === 0 ? 'nothing to change' : events.map((e) => e.type).join(', '));
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await store.close();
  }
}

function dataFor(
  command: string | undefined,
  id: string,
  v: { name?: string; kind?: string; parent?: string; plan?: string },
): Intent<OrganisationCommand> | string {
  switch (command) {
    case 'create':
      if (!v.name || !(ORGANISATION_KINDS as readonly string[]).includes(v.kind ?? ''))
        return 'create needs --name and --kind';
      return {
        type: 'CreateOrganisation',
        data: { organisationId: id, name: v.name, kind: v.kind as OrganisationKind, parentId: v.parent ?? null },
      };
    case 'rename':
      return v.name
        ? { type: 'RenameOrganisation', data: { organisationId: id, name: v.name } }
        : 'rename needs --name';
    case 'move':
      return v.parent
        ? { type: 'MoveOrganisation', data: { organisationId: id, parentId: v.parent } }
        : 'move needs --parent';
    case 'attach':
      return v.plan ? { type: 'AttachPlan', data: { organisationId: id, planId: v.plan } } : 'attach needs --plan';
    default:
      return `unknown command ${command ?? ''}`;
  }
}

function usage(problem: string): number {
  return usageProblem(USAGE, problem);
}

runCli(main);
