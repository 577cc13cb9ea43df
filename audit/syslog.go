package audit

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// SyslogSink streams committed entries to a SIEM as RFC 5424 messages over
// TCP or TLS, with RFC 6587 octet-counting framing. It never blocks the
// trail: entries wait in a bounded queue and, when the SIEM is away for
// long, the oldest are dropped and counted (the database trail remains
// the record).
type SyslogSink struct {
	addr    string
	tls     *tls.Config
	host    string
	queue   chan *Entry
	dropped atomic.Int64
	sent    atomic.Int64
	log     *slog.Logger
	done    chan struct{}
}

// NewSyslogSink starts a sink sending to addr (host:port). tlsConfig nil
// means plain TCP.
func NewSyslogSink(addr string, tlsConfig *tls.Config, log *slog.Logger) *SyslogSink {
	host, _ := os.Hostname()
	if host == "" {
		host = "-"
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &SyslogSink{addr: addr, tls: tlsConfig, host: host, queue: make(chan *Entry, 10000), log: log, done: make(chan struct{})}
	go s.loop()
	return s
}

// Send implements Sink.
func (s *SyslogSink) Send(e *Entry) {
	c := *e
	select {
	case s.queue <- &c:
	default:
		s.dropped.Add(1)
	}
}

// Stats reports what was sent and dropped.
func (s *SyslogSink) Stats() (sent, dropped int64) { return s.sent.Load(), s.dropped.Load() }

// Close stops the sink after it has tried to send what is queued.
func (s *SyslogSink) Close() {
	close(s.queue)
	<-s.done
}

// Format renders an entry as an RFC 5424 message: facility 13 (log
// audit), severity informational, or warning for refusals and failures;
// the structured data carries the chain position; the message is the entry
// as JSON.
func (s *SyslogSink) Format(e *Entry) []byte {
	sev := 6
	if e.Outcome != Success || e.Action == BreakGlass {
		sev = 4
	}
	pri := 13*8 + sev
	body, _ := json.Marshal(e)
	msg := fmt.Sprintf("<%d>1 %s %s chartroom - %s [chartroom@32473 seq=\"%d\"] %s", pri, e.At.UTC().Format(time.RFC3339Nano), s.host, e.Action, e.Seq, body)
	return []byte(strconv.Itoa(len(msg)) + " " + msg)
}

func (s *SyslogSink) loop() {
	defer close(s.done)
	var conn net.Conn
	for e := range s.queue {
		for attempt := 0; ; attempt++ {
			if conn == nil {
				var err error
				d := net.Dialer{Timeout: 5 * time.Second}
				if s.tls != nil {
					conn, err = tls.DialWithDialer(&d, "tcp", s.addr, s.tls)
				} else {
					conn, err = d.Dial("tcp", s.addr)
				}
				if err != nil {
					conn = nil
					if attempt >= 2 {
						s.dropped.Add(1)
						s.log.Warn("syslog sink unreachable", "addr", s.addr, "err", err.Error())
						break
					}
					time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
					continue
				}
			}
			conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
			if _, err := conn.Write(s.Format(e)); err != nil {
				conn.Close()
				conn = nil
				continue
			}
			s.sent.Add(1)
			break
		}
	}
	if conn != nil {
		conn.Close()
	}
}
