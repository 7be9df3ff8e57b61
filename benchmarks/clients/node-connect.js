// Node.js's own connect (net.connect with autoSelectFamily, its Happy Eyeballs) to a name whose lookup
// returns the given addresses in the given order. Prints one time to connect per line, in ms, from the
// call to the 'connect' event, or "FAIL <code>".
// Usage: node node-connect.js RUNS PORT ADDRESS...
'use strict';
const net = require('net');
const [runs, port, ...addresses] = process.argv.slice(2);
const answers = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

function lookup(hostname, options, callback) {
  if (options.all) {
    callback(null, answers);
  } else {
    callback(null, answers[0].address, answers[0].family);
  }
}

function connectOnce() {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const socket = net.connect({ host: 'validation.test', port: Number(port), lookup, autoSelectFamily: true });
    socket.setTimeout(30000, () => { socket.destroy(); resolve('FAIL timeout'); });
    socket.once('connect', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      socket.destroy();
      resolve(ms.toFixed(3));
    });
    socket.once('error', (e) => resolve('FAIL ' + e.code));
  });
}

(async () => {
  for (let i = 0; i < Number(runs); i++) {
    console.log(await connectOnce());
  }
})();
