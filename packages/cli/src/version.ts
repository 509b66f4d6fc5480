/** The CLI's version, as `--version` and SARIF's tool.driver.version report it (package.json's). */
export const VERSION = '0.1.0';
