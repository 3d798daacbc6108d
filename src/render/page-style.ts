// The stylesheet inlined into the HTML page: layout, node colours by type, and the trace, coverage and finding overlays.

export const PAGE_STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2933;background:#f7f8fa}
body{display:flex;flex-direction:column}
#toolbar{display:flex;align-items:center;gap:10px;padding:8px 14px;background:#fff;border-bottom:1px solid #dde2e8;flex:none}
#toolbar h1{font-size:15px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:32vw}
#toolbar .meta{color:#64707d;white-space:nowrap}
#toolbar .chips{display:flex;gap:6px;flex-wrap:wrap}
.chip{border-radius:10px;padding:1px 8px;font-size:12px;background:#eef1f5;color:#3e4c59;white-space:nowrap}
.chip.error{background:#fde2e1;color:#b71c1c}.chip.warning{background:#fff1c9;color:#7a5300}
.chip.trace{background:#ffe8d1;color:#a64700}.chip.coverage{background:#e3f2e6;color:#1b5e20}
#toolbar .spacer{flex:1}
#toolbar input{font:inherit;padding:4px 8px;border:1px solid #c5ccd4;border-radius:6px;width:190px}
#toolbar input.not-found{border-color:#d32f2f;background:#fff5f5}
#toolbar button{font:inherit;min-width:30px;padding:3px 8px;border:1px solid #c5ccd4;background:#fff;border-radius:6px;cursor:pointer}
#toolbar button:hover{background:#eef1f5}
#zoom-level{color:#64707d;min-width:42px;text-align:right;font-variant-numeric:tabular-nums}
main{flex:1;display:flex;min-height:0}
#canvas{flex:1;position:relative;overflow:hidden;cursor:grab;background:#f7f8fa radial-gradient(#dfe3e8 1px,transparent 1px) 0 0/22px 22px}
#canvas.dragging{cursor:grabbing}
#graph{width:100%;height:100%;display:block;user-select:none}
#details{width:380px;flex:none;overflow:auto;background:#fff;border-left:1px solid #dde2e8;padding:14px 16px}
#details h2{font-size:16px;margin:0 0 8px;word-break:break-word}
#details h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#64707d;margin:14px 0 4px}
#details ol,#details ul{margin:4px 0;padding-left:20px}
#details ul.plain{list-style:none;padding-left:0}
#details li{margin:3px 0;word-break:break-word}
#details blockquote{margin:4px 0;padding:6px 10px;background:#f3e5f5;border-radius:6px;white-space:pre-wrap;word-break:break-word}
#details code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f5;padding:0 4px;border-radius:3px;word-break:break-all}
#details .back{font:inherit;border:0;background:none;color:#1565c0;cursor:pointer;padding:0;margin-bottom:8px}
.goto{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border:1px solid #c5d5ea;background:#eef4fc;color:#0d47a1;border-radius:4px;padding:0 5px;cursor:pointer}
.goto:hover{background:#dbe8f8}
.muted,.where{color:#7b8794;font-size:12px}
.hint{color:#7b8794}
.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.facts dt{color:#7b8794}.facts dd{margin:0}
.type{font-size:11px;text-transform:uppercase;letter-spacing:.05em;border-radius:4px;padding:1px 6px;vertical-align:middle}
.type-start{background:#e8f5e9;color:#1b5e20}.type-action{background:#e3f2fd;color:#0d47a1}.type-transition{background:#fff3c4;color:#7a5300}
.type-webchat{background:#f3e5f5;color:#6a1b9a}.type-end{background:#eceff1;color:#37474f}.type-missing{background:#ffebee;color:#b71c1c}
.node-name{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.findings{list-style:none;padding-left:0!important}
.finding{border-left:3px solid #f0b400;padding:2px 0 2px 8px}
.finding.error{border-left-color:#d32f2f}
.finding .sev{font-size:11px;text-transform:uppercase;font-weight:600;color:#7a5300}
.finding.error .sev{color:#b71c1c}
.step{display:inline-block;min-width:20px;text-align:center;background:#ff6f00;color:#fff;border-radius:9px;padding:0 5px;font-size:12px;font-weight:600}
.tag{font-size:11px;border-radius:4px;padding:0 5px}.uncovered-tag{background:#ffebee;color:#b71c1c}
.covered-text{color:#1b5e20}.uncovered-text{color:#b71c1c}
.transcript{list-style:none;padding-left:0!important}
.say{padding:5px 9px;border-radius:10px;margin:5px 0;max-width:90%;white-space:pre-wrap;word-break:break-word}
.say .who{display:block;font-size:10px;text-transform:uppercase;letter-spacing:.05em;color:#7b8794}
.say-customer{background:#e3f2fd;margin-left:auto}.say-flow{background:#f3e5f5}
#legend{position:absolute;left:0;right:0;bottom:0;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:6px 12px;list-style:none;background:rgba(255,255,255,.92);border-top:1px solid #dde2e8;font-size:12px;color:#3e4c59}
#legend li{display:flex;align-items:center;gap:6px}
#legend svg{width:34px;height:18px;flex:none}
.node{cursor:pointer}
.node .shape,.node .shape-inner{stroke-width:1.5;fill:#fff;stroke:#7b8794}
.node-unknown .shape{stroke-dasharray:5 3}
.node text{text-anchor:middle;dominant-baseline:central;font-size:12px;fill:#1f2933;pointer-events:none}
.node text.title{font-weight:600;font-size:12.5px}
.node text.subtitle{font:11px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;fill:#64707d}
.node-start .shape{fill:#e8f5e9;stroke:#2e7d32}
.node-action .shape{fill:#e3f2fd;stroke:#1565c0}
.node-transition .shape{fill:#fff8e1;stroke:#e0a000}
.node-webchat .shape{fill:#f3e5f5;stroke:#7b1fa2}
.node-end .shape{fill:#eceff1;stroke:#455a64}.node-end .shape-inner{fill:none;stroke:#455a64}
.node-missing .shape{fill:#ffebee;stroke:#c62828;stroke-dasharray:5 3}
.node:hover .shape{filter:brightness(.96)}
.node.selected .shape{stroke:#0d47a1;stroke-width:3.5}
.node:focus{outline:none}.node:focus-visible .shape{stroke:#0d47a1;stroke-width:3}
.edge path{fill:none;stroke:#7b8794;stroke-width:1.4;marker-end:url(#arrow)}
.edge-default path{stroke-dasharray:6 4}
.edge-timeout path{stroke-dasharray:2 3;stroke:#8e6bb0}
.edge-label rect{fill:#fff;stroke:#dde2e8}
.edge-label text{font-size:11px;text-anchor:middle;dominant-baseline:central;fill:#3e4c59}
.edge-default .edge-label text{fill:#7b8794;font-style:italic}
.edge.incident path{stroke:#0d47a1;stroke-width:2.2}
marker path{fill:#7b8794}#arrow-path path{fill:#ff6f00}#arrow-uncovered path{fill:#d32f2f}
.badge rect{stroke:#fff;stroke-width:1.5}
.badge text{font-size:11px;font-weight:700;text-anchor:middle;dominant-baseline:central;fill:#fff}
.step-badge rect{fill:#ff6f00}
.finding-badge rect{fill:#f0b400}.has-error .finding-badge rect{fill:#d32f2f}
.has-warning .shape{stroke:#f0b400}.has-error .shape{stroke:#d32f2f}
#graph.has-trace .node:not(.on-path):not(.selected){opacity:.5}
#graph.has-trace .edge:not(.on-path):not(.incident){opacity:.4}
.node.uncovered .shape{stroke:#d32f2f;stroke-width:2;stroke-dasharray:6 4}
.edge.uncovered path{stroke:#d32f2f;stroke-dasharray:6 4;marker-end:url(#arrow-uncovered)}
.edge.uncovered .edge-label text{fill:#b71c1c}
.node.on-path .shape{stroke:#ff6f00;stroke-width:3}
.edge.on-path path{stroke:#ff6f00;stroke-width:2.6;marker-end:url(#arrow-path)}
.edge .step-badge text{font-size:10px}
#graph.far .node text.line,#graph.far .node text.subtitle,#graph.far .edge-label{display:none}
#graph.farther .node text,#graph.farther .badge{display:none}
`;
