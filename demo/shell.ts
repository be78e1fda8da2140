/** What a shell needs to use the demo's stack and cluster as the demo does. */
export interface ShellSetup {
  /** Folders put first on PATH: the toolchain's pulumi (with its language host) and kubectl. */
  readonly binDirs: readonly string[];
  /** The engine's variables as the demo's stack uses them (PULUMI_HOME, PULUMI_BACKEND_URL, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stackDir: string;
  readonly kubeconfig: string;
}

/** The engine variables a shell must share with the demo's stack to see it (and stay offline). */
export const ENGINE_VARIABLES = [
  "PULUMI_HOME",
  "PULUMI_BACKEND_URL",
  "PULUMI_CONFIG_PASSPHRASE",
  "PULUMI_SKIP_UPDATE_CHECK",
  "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION",
] as const;

/** Single-quoted for a POSIX shell: anything inside stays literal. */
export function shellQuote(value: string): string {
  return /^[\w./:=@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The lines to paste into a shell, in order; a variable the stack does not set is left out. */
export function shellLines(setup: ShellSetup): string[] {
  const variables = ENGINE_VARIABLES.flatMap((name) => {
    const value = setup.env[name];
    return value === undefined ? [] : [`export ${name}=${shellQuote(value)}`];
  });
  return [
    `export PATH=${[...setup.binDirs.map(shellQuote), '"$PATH"'].join(":")}`,
    ...variables,
    `cd ${shellQuote(setup.stackDir)}`,
    `export KUBECONFIG=${shellQuote(setup.kubeconfig)}`,
  ];
}
