// SARIF 2.1.0 of a validation report, as GitHub code scanning reads it: one rule per finding code, results with locations.
import type { CheckMeta } from './check.js';
import { checks } from './checks/registry.js';
import type { ValidationReport } from './validation-report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const GCFLOW_INFORMATION_URI = 'https://gcflow.dev';

export interface SarifOptions {
  /** gcflow's version, for tool.driver.version. */
  toolVersion: string;
  /** Turns a file as named by the user into a URI relative to the repository root (forward slashes). */
  artifactUri?: (file: string) => string;
}

function ruleOf(meta: Pick<CheckMeta, 'code' | 'name' | 'description' | 'severity'>): Record<string, unknown> {
  return {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.description },
    defaultConfiguration: { level: meta.severity },
  };
}

export function formatValidationSarif(report: ValidationReport, options: SarifOptions): string {
  const toUri = options.artifactUri ?? ((file: string) => file.replace(/\\/g, '/'));
  const rules = checks.map((check) => ruleOf(check.meta));
  const ruleIndex = new Map(checks.map((check, index) => [check.meta.code, index]));
  const results: Array<Record<string, unknown>> = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (!ruleIndex.has(finding.code)) {
        // An input error (GCF9xx): the file could not be read as a flow.
        ruleIndex.set(finding.code, rules.length);
        rules.push(ruleOf({ code: finding.code, name: 'unreadable-input', description: 'The file could not be read as a flow.', severity: 'error' }));
      }
      const location: Record<string, unknown> = {
        physicalLocation: {
          artifactLocation: { uri: toUri(finding.file ?? file.file) },
          region: { startLine: finding.line ?? 1, startColumn: finding.column ?? 1 },
        },
      };
      if (finding.pointer) location.logicalLocations = [{ fullyQualifiedName: finding.pointer, kind: 'member' }];
      results.push({
        ruleId: finding.code,
        ruleIndex: ruleIndex.get(finding.code),
        level: finding.severity,
        message: { text: finding.message },
        locations: [location],
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gcflow', informationUri: GCFLOW_INFORMATION_URI, version: options.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
