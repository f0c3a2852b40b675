import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { Claim } from './token-verifier';

/** The scope claims the API reads, which Cognito puts only into ID tokens unless told otherwise. */
const scopeClaims = [Claim.stationIds, Claim.enterpriseId] as const;

/**
 * Cognito pre-token-generation trigger (event version 2): copies the user's station and
 * enterprise scope (`custom:stationIds`, `custom:enterpriseId`) into the access token, so that
 * the console sends the same kind of token in AWS as locally and `TokenVerifier` reads the same
 * claims from both. Groups (`cognito:groups`, the roles) are in access tokens already.
 */
export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const claims: Record<string, string> = {};
  for (const claim of scopeClaims) {
    const value = event.request.userAttributes[claim];
    if (value) claims[claim] = value;
  }
  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } } };
  return event;
}
