/** F&O's weak ETag over a record version: `W/"<base64 of "1,<version>">"`. */
export function finOpsEtag(version: number | undefined): string | undefined {
  return version === undefined ? undefined : `W/"${Buffer.from(`1,${version}`).toString('base64')}"`;
}
