/** Signs in a demo user at a local server (`POST /auth/login`) and returns the access token; throws when the login is refused. */
export async function signIn(url: string, username: string, password = 'yizhan-dev'): Promise<string> {
  const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`login of ${username} failed with ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
