#!/usr/bin/env node
// Runs the TypeScript sources directly: Node 24 (the project's node@24 dependency) strips types.
import '../src/cli/main.ts';
