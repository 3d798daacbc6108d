// The files `gcflow init` writes: an example flow and its suite, dev/prod environments, config, and a CI workflow (pure).

export interface ScaffoldFile {
  /** Relative to the project folder, with `/` separators. */
  path: string;
  content: string;
  /** Left out (not refused) when it exists already: a project may well have one. */
  optional?: boolean;
}

const FLOW = `# yaml-language-server: $schema=../node_modules/gcflow/schema/flow.schema.json
# Customer support over Web Messaging: greet, classify the request, route billing and technical questions
# to their queues, and ask once when the first message does not say. Queue ids come from environments/*.env.
id: {{FLOW_ID}}
version: 1
name: Support Flow
status: draft
nodes:
  start:
    type: start
    transition: greet
  greet:
    type: action
    actions:
      - name: sendMessage
        text: Hi, thanks for contacting us.
    transition: classify_request
  classify_request:
    type: action
    actions:
      - name: classify
        variable: intent
        intents:
          billing: [bill, billing, invoice, payment, refund]
          technical: [error, broken, login, password, "not working"]
        fallback: unknown
    transition: route_intent
  route_intent:
    type: transition
    conditions:
      - { variable: intent, condition: equals, value: billing, transition: billing_queue }
      - { variable: intent, condition: equals, value: technical, transition: tech_queue }
      - { variable: topic, condition: exists, transition: sorry }
    transition: ask_topic
  ask_topic:
    type: webchat
    message: Is your question about a bill or a technical problem?
    waitForInput: { variable: topic, timeoutSeconds: 300, timeoutTransition: sorry }
    transition: classify_request
  billing_queue:
    type: action
    actions:
      - { name: route, queueId: "{billing_queue_id}", queueName: Billing }
    transition: done
  tech_queue:
    type: action
    actions:
      - { name: route, queueId: "{tech_queue_id}", queueName: Technical Support }
    transition: done
  sorry:
    type: action
    actions:
      - name: sendMessage
        text: Sorry, we could not tell what you need. Please call us.
    transition: done
  done:
    type: end
applicationSettings:
  webchat:
    title: Support
    showPoweredBy: false
environmentVariables:
  billing_queue_id: "{env.BILLING_QUEUE_ID}"
  tech_queue_id: "{env.TECH_QUEUE_ID}"
`;

const SUITE = `# Conversations through the support flow: \`gcflow test flows\` runs them offline,
# and \`gcflow deploy\` runs them again against what it deployed (the smoke test).
flow: support.flow.yaml
profile: dev
cases:
  - name: a billing question goes to the billing queue
    messages: ["I need help with my bill"]
    expect:
      routedTo: "{env.BILLING_QUEUE_ID}"
      end: routed
  - name: a technical problem goes to the technical queue
    messages: ["I get an error when I log in"]
    expect:
      routedTo: "{env.TECH_QUEUE_ID}"
  - name: an unclear request gets one question, and the answer decides
    messages: ["hello", "it's about an invoice"]
    expect:
      pathContains: [ask_topic, billing_queue]
      routedTo: "{env.BILLING_QUEUE_ID}"
`;

const ENV = (org: string) => `# {env.NAME} values for the ${org} org (not secrets: put credentials in CI secrets or a git-ignored .env).
BILLING_QUEUE_ID=<the ${org} billing queue id>
TECH_QUEUE_ID=<the ${org} technical queue id>
`;

const CONFIG = `{
  "environmentsDir": "environments",
  "rateLimit": "300/60s"
}
`;

const WORKFLOW = `# gcflow in CI: validate, test and plan on pull requests; deploy on main.
# Set the repository secrets GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET and the variable
# GENESYSCLOUD_REGION (e.g. eu_west_1). Without them (pull requests from forks) plan runs against an empty
# embedded emulator, so every flow shows as new.
name: gcflow

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

env:
  GENESYSCLOUD_REGION: \${{ vars.GENESYSCLOUD_REGION }}
  GENESYSCLOUD_OAUTHCLIENT_ID: \${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}
  GENESYSCLOUD_OAUTHCLIENT_SECRET: \${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Validate
        run: npx gcflow validate flows/*.flow.yaml --profile prod
      - name: Test
        run: npx gcflow test flows
      - name: Plan against production
        if: github.event_name == 'pull_request'
        run: npx gcflow plan flows/*.flow.yaml --profile prod --out gcflow-plan.json
      - uses: actions/upload-artifact@v4
        if: github.event_name == 'pull_request'
        with:
          name: gcflow-plan
          path: gcflow-plan.json

  deploy:
    needs: check
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment: production
    # One deploy at a time; a second waits rather than racing (gcflow would refuse the loser anyway).
    concurrency: gcflow-deploy-production
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Deploy
        run: npx gcflow deploy flows/*.flow.yaml --profile prod --yes --timeout 120s
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: gcflow-backups
          path: .gcflow/backups
          if-no-files-found: ignore
`;

const GITIGNORE = `node_modules/
.env
# gcflow's local backups of what was deployed before each deploy (keep them, or upload them from CI).
.gcflow/
`;

/** The files of a new project; `flowId` becomes the example flow's id. */
export function scaffoldFiles(flowId: string): ScaffoldFile[] {
  return [
    { path: 'flows/support.flow.yaml', content: FLOW.replace('{{FLOW_ID}}', flowId) },
    { path: 'flows/support.sim.yaml', content: SUITE },
    { path: 'environments/dev.env', content: ENV('development').replace('<the development billing queue id>', '5e0c1c9a-0000-4000-8000-000000000001').replace('<the development technical queue id>', '5e0c1c9a-0000-4000-8000-000000000002') },
    { path: 'environments/prod.env', content: ENV('production') },
    { path: 'gcflow.config.json', content: CONFIG },
    { path: '.github/workflows/gcflow.yml', content: WORKFLOW },
    { path: '.gitignore', content: GITIGNORE, optional: true },
  ];
}
