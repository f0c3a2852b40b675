import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from './config';

describe('config.json', () => {
  it('selects Cognito by its authMode, with the user pool and app client the deployment writes', () => {
    // Act
    const config = parseConsoleConfig({ stage: 'prod', authMode: 'cognito', region: 'ap-east-1', apiUrl: 'https://api.example/graphql', userPoolId: 'pool', userPoolClientId: 'client' });

    // Assess
    expect(config).toEqual({ stage: 'prod', authMode: 'cognito', region: 'ap-east-1', apiUrl: 'https://api.example/graphql', userPoolId: 'pool', userPoolClientId: 'client' });
  });

  it('selects the local dev issuer when there is no user pool, and refuses Cognito without one', () => {
    // Act
    const local = parseConsoleConfig({ apiUrl: 'http://localhost:4000/graphql' });

    // Assess
    expect(local.authMode).toBe('local');
    expect(() => parseConsoleConfig({ authMode: 'cognito', apiUrl: 'https://api.example/graphql' })).toThrow(/userPoolId/);
    expect(() => parseConsoleConfig({ authMode: 'saml', apiUrl: 'x' })).toThrow(/authMode/);
  });
});
