// Command nullack is an MLLP server that stores nothing and answers every
// frame at once with a minimal AA acknowledgement whose MSA-2 is the
// frame's MSH-10: the cheapest correct peer there can be, used to measure
// how fast a client can go on this machine (the ceiling any server's figure
// is bounded by). Usage: nullack [-addr 127.0.0.1:13003]
package main

import (
	"bytes"
	"flag"
	"log"
	"net"

	"github.com/chartroom/chartroom/mllp"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:13003", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go serve(c)
	}
}

func serve(c net.Conn) {
	defer c.Close()
	r := mllp.NewReader(c, 0)
	var ack, out []byte
	for {
		frame, err := r.ReadFrame()
		if err != nil {
			return
		}
		ack = append(ack[:0], "MSH|^~\\&|NULLACK||||20260101000000||ACK|N1|P|2.5.1\rMSA|AA|"...)
		ack = append(ack, controlID(frame)...)
		ack = append(ack, '\r')
		out = mllp.AppendFrame(out[:0], ack)
		if _, err := c.Write(out); err != nil {
			return
		}
	}
}

// controlID returns MSH-10 of a message that starts with MSH.
func controlID(msg []byte) []byte {
	if len(msg) < 4 {
		return nil
	}
	fs := msg[3]
	seg := msg
	if i := bytes.IndexAny(seg, "\r\n"); i >= 0 {
		seg = seg[:i]
	}
	f := bytes.Split(seg, []byte{fs})
	if len(f) < 10 {
		return nil
	}
	return f[9]
}
