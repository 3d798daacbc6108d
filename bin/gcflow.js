#!/usr/bin/env -S node --
// The `--` stops Node 20 from taking a later `--env-file FILE` argument (meant for gcflow) as its own option.
import '../dist/cli/main.js';
