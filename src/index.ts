// The gcflow library: everything a program needs to build, check, diff, simulate and deploy flows.
export * from './flow/index.js';
export * from './platform/index.js';
export * from './emulator/index.js';
export * from './deploy/index.js';
export * from './diff/index.js';
export * from './validate/index.js';
export * from './env/index.js';
export * from './simulate/index.js';
export * from './render/index.js';
