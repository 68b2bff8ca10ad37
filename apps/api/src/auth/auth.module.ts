import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AUTH_SECRET } from '@zw/config';
import { EventStoreModule } from '@zw/event-store';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlansModule } from '../plans/plans.module';
import { AccessGuard } from './access/access.guard';
import { ScopeRowsInterceptor } from './access/scope-rows.interceptor';
import { OrganisationScope } from './access/organisation-scope.gate';
import { RequestResources } from './access/task-resource';
import { AccessTokens, jwtOptions } from './sessions/access-tokens';
import { LoginController } from './sessions/login.http.controller';
import { LoginThrottlerGuard, loginThrottlerOptions } from '../security/login-throttle';
import { Sessions } from './sessions/sessions';
import { UserAccounts } from './users/user-accounts';
import { UsersController } from './users/users.http.controller';

/**
 * Access control (docs/security.md): the guard on every route, sessions (JWT access tokens,
 * rotating refresh tokens in the account streams), the admin's user routes, the login throttle.
 */
@Module({
  imports: [
    EventStoreModule,
    PlansModule,
    OrganisationsModule,
    JwtModule.registerAsync({ inject: [AUTH_SECRET], useFactory: jwtOptions }),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loginThrottlerOptions }),
  ],
  controllers: [LoginController, UsersController],
  providers: [
    UserAccounts,
    AccessTokens,
    Sessions,
    RequestResources,
    OrganisationScope,
    LoginThrottlerGuard,
    ScopeRowsInterceptor,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UserAccounts, OrganisationsModule],
})
export class AuthModule {}
