// SPDX-License-Identifier: GPL-3.0-or-later
// The official InfluxDB 2.x JavaScript client reading a Flux response, for bench_queryflux.
// Usage: node flux.mjs URL typed|raw
//   typed: every row through tableMeta.toObject(row) (typed values, the documented use)
//   raw:   rows as the client hands them (arrays of strings), only counted
// Prints one JSON line: {"rows":N,"seconds":S,"cpu":C,"checksum":X}; seconds (wall) and cpu (user +
// system of this process) from the call to complete().
import {InfluxDB} from '@influxdata/influxdb-client'

const [url, mode = 'typed'] = process.argv.slice(2)
const queryApi = new InfluxDB({url, token: 'bench', timeout: 600_000}).getQueryApi('rubin')
let rows = 0
let checksum = 0
const start = process.hrtime.bigint()
const cpuStart = process.cpuUsage()
queryApi.queryRows('from(bucket: "efd") |> range(start: 2024-05-01T00:00:00Z, stop: 2024-05-01T01:00:00Z)', {
  next(row, tableMeta) {
    if (mode === 'typed') {
      const o = tableMeta.toObject(row)
      checksum += o._value
    }
    rows++
  },
  error(error) {
    console.error(error)
    process.exit(1)
  },
  complete() {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const used = process.cpuUsage(cpuStart)
    const cpu = (used.user + used.system) / 1e6
    console.log(JSON.stringify({rows, seconds, cpu, checksum}))
  },
})
