// zhlens command line: placeholder until the CLI issue lands.
process.stdout.write('zhlens: usage: zhlens detect|repair FILE...\n');
