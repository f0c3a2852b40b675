import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeCreditCode, Role } from '@yizhan/shared';
import { Claim } from '../../api/src/auth/token-verifier';

/** Finds the id of the record holding a unique value: a station by code, an enterprise by credit code. */
export interface ScopeLookup {
  stationIdByCode(code: string): Promise<string | undefined>;
  enterpriseIdByCreditCode(creditCode: string): Promise<string | undefined>;
}

/** Roles and scope of a user, as an administrator states them: station codes and a credit code, not ids. */
export interface UserAccess {
  readonly roles: readonly string[];
  readonly stationCodes: readonly string[];
  readonly enterpriseCreditCode: string | undefined;
}

export interface UserSummary {
  readonly username: string;
  readonly status: string;
  readonly enabled: boolean;
  readonly email: string | null;
  readonly roles: readonly Role[];
  readonly stationIds: string | null;
  readonly enterpriseId: string | null;
}

/** A mistake in what the administrator asked for; the message says what to change. */
export class UserAdminError extends Error {
  override readonly name = 'UserAdminError';
}

const knownRoles = new Set<string>(Object.values(Role));

/**
 * What `npm run users` does, through Cognito's administrator API: users get roles as groups and
 * their scope as the custom attributes the API reads (`custom:stationIds`, `custom:enterpriseId`),
 * with station codes and credit codes turned into ids through the table, as the local server does.
 */
export class UserAdministration {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly scope: ScopeLookup,
  ) {}

  /**
   * Creates a user with roles and scope. With an e-mail address Cognito sends the invitation and
   * its temporary password; without, the temporary password is returned to hand over in person.
   * Either way the user sets a new password (and, in prod, an authenticator app) at first sign-in.
   */
  async create(username: string, access: UserAccess, email?: string): Promise<{ temporaryPassword: string | undefined }> {
    const roles = checkedRoles(access.roles);
    const attributes = await this.scopeAttributes(roles, access);
    const temporaryPassword = email ? undefined : newTemporaryPassword();
    await this.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        UserAttributes: [...attributes, ...(email ? [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] : [])],
        ...(email ? { DesiredDeliveryMediums: ['EMAIL'] } : { TemporaryPassword: temporaryPassword, MessageAction: 'SUPPRESS' }),
      }),
    );
    for (const role of roles) {
      await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }));
    }
    return { temporaryPassword };
  }

  /** Replaces a user's roles and scope. New claims reach the API with the user's next token (within an hour). */
  async update(username: string, access: UserAccess): Promise<void> {
    const roles = checkedRoles(access.roles);
    const attributes = await this.scopeAttributes(roles, access);
    await this.cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: username, UserAttributes: attributes }));
    const current = await this.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    const currentRoles = new Set((current.Groups ?? []).map((group) => group.GroupName ?? ''));
    for (const role of roles) {
      if (!currentRoles.has(role)) {
        await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }));
      }
    }
    for (const role of currentRoles) {
      if (knownRoles.has(role) && !roles.includes(role as Role)) {
        await this.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }));
      }
    }
  }

  /** A disabled user cannot sign in or refresh tokens; tokens already issued expire within the hour. */
  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const command = enabled
      ? new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username })
      : new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username });
    await this.cognito.send(command);
  }

  /** Every user with status, roles and scope ids. */
  async list(): Promise<UserSummary[]> {
    const rolesOf = new Map<string, Role[]>();
    for (const role of Object.values(Role)) {
      let token: string | undefined;
      do {
        const page = await this.cognito.send(new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, NextToken: token }));
        for (const user of page.Users ?? []) rolesOf.set(user.Username ?? '', [...(rolesOf.get(user.Username ?? '') ?? []), role]);
        token = page.NextToken;
      } while (token);
    }
    const users: UserSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.cognito.send(new ListUsersCommand({ UserPoolId: this.userPoolId, PaginationToken: token }));
      for (const user of page.Users ?? []) {
        const attribute = (name: string) => user.Attributes?.find((candidate) => candidate.Name === name)?.Value ?? null;
        users.push({
          username: user.Username ?? '',
          status: user.UserStatus ?? 'UNKNOWN',
          enabled: user.Enabled ?? false,
          email: attribute('email'),
          roles: rolesOf.get(user.Username ?? '') ?? [],
          stationIds: attribute(Claim.stationIds),
          enterpriseId: attribute(Claim.enterpriseId),
        });
      }
      token = page.PaginationToken;
    } while (token);
    return users;
  }

  /** Both scope attributes, always: a scope that is not given is cleared, never left from before. */
  private async scopeAttributes(roles: readonly Role[], access: UserAccess): Promise<AttributeType[]> {
    if (roles.includes(Role.STAFF) && access.stationCodes.length === 0) {
      throw new UserAdminError('A STAFF user needs at least one --station <code>.');
    }
    if (roles.includes(Role.ENTERPRISE) && !access.enterpriseCreditCode) {
      throw new UserAdminError('An ENTERPRISE user needs --enterprise <credit code>.');
    }
    const stationIds: string[] = [];
    for (const code of access.stationCodes) {
      const id = await this.scope.stationIdByCode(code.trim().toUpperCase());
      if (!id) throw new UserAdminError(`No station has the code ${code}.`);
      stationIds.push(id);
    }
    let enterpriseId = '';
    if (access.enterpriseCreditCode) {
      const id = await this.scope.enterpriseIdByCreditCode(normalizeCreditCode(access.enterpriseCreditCode));
      if (!id) throw new UserAdminError(`No enterprise has the credit code ${access.enterpriseCreditCode}.`);
      enterpriseId = id;
    }
    return [
      { Name: Claim.stationIds, Value: stationIds.join(',') },
      { Name: Claim.enterpriseId, Value: enterpriseId },
    ];
  }
}

function checkedRoles(roles: readonly string[]): Role[] {
  if (roles.length === 0) throw new UserAdminError(`Give at least one --role: ${[...knownRoles].join(', ')}.`);
  const unknown = roles.filter((role) => !knownRoles.has(role));
  if (unknown.length > 0) throw new UserAdminError(`Unknown role ${unknown.join(', ')}: the roles are ${[...knownRoles].join(', ')}.`);
  return [...new Set(roles)] as Role[];
}

/** 20 characters with every character class the user pool's password policy requires. */
function newTemporaryPassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=?@^_'];
  const all = classes.join('');
  const characters = classes.map((chars) => chars[randomInt(chars.length)]!);
  while (characters.length < 20) characters.push(all[randomInt(all.length)]!);
  for (let index = characters.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other]!, characters[index]!];
  }
  return characters.join('');
}
