import { Server } from 'node-hl7-server'
const port = Number(process.env.PORT || 3000)
const server = new Server({ bindAddress: '127.0.0.1' })
server.createInbound({ port }, async (req, res) => {
  await res.sendResponse('AA')
})
console.log('node-hl7-server listening on ' + port)
