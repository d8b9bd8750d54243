// Baseline for the startup bench: the cost of starting any TypeScript entry point.
console.log('READY');
