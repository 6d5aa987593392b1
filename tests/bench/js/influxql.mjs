// SPDX-License-Identifier: GPL-3.0-or-later
// The npm `influx` (node-influx) client reading an InfluxQL response with queryRaw, for
// bench_queryinfluxql. Usage: node influxql.mjs HOST PORT SAMPLES
// Prints one JSON line: {"rows":N,"seconds":S,"cpu":C,"times":["<exact value of the double>",...]}: seconds
// wall and cpu (user + system of this process) from the call to the last row counted, and
// the first SAMPLES times of the first series as the client holds them (JavaScript
// numbers, i.e. doubles, written out exactly with BigInt).
import Influx from 'influx'

const [host, port, samples = '1000'] = process.argv.slice(2)
const influx = new Influx.InfluxDB({host, port: Number(port), database: 'efd'})
const start = process.hrtime.bigint()
const cpuStart = process.cpuUsage()
const raw = await influx.queryRaw('SELECT xForce0 FROM "lsst.sal.MTM1M3.forceActuatorData" GROUP BY salIndex',
                                  {precision: 'n'})
let rows = 0
for (const result of raw.results)
  for (const series of result.series ?? [])
    rows += series.values.length
const seconds = Number(process.hrtime.bigint() - start) / 1e9
const used = process.cpuUsage(cpuStart)
const cpu = (used.user + used.system) / 1e6
const first = raw.results[0].series[0].values
const times = first.slice(0, Number(samples)).map((v) => BigInt(v[0]).toString())
console.log(JSON.stringify({rows, seconds, cpu, times}))
