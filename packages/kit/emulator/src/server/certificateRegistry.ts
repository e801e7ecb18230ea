/** The CA certificate of the server an emulator is served by, for `GET /_emulator/ca.pem`. */
const certificates = new WeakMap<object, string>();

export function registerCaPem(emulator: object, pem: string): void {
  certificates.set(emulator, pem);
}

export function caPemOf(emulator: object): string | undefined {
  return certificates.get(emulator);
}
