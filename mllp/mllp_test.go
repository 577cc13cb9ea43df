package mllp_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chartroom/chartroom/mllp"
)

func frame(s string) string { return "\x0b" + s + "\x1c\r" }

func TestReader(t *testing.T) {
	type result struct {
		frame string
		err   error
	}
	tests := []struct {
		name string
		in   string
		max  int
		want []result
	}{
		{"two frames", frame("A") + frame("BB"), 0, []result{{"A", nil}, {"BB", nil}, {"", io.EOF}}},
		{"whitespace between", "\r\n " + frame("A") + "\n" + frame("B") + "\r\n", 0, []result{{"A", nil}, {"B", nil}, {"", io.EOF}}},
		{"FS without CR", "\x0bA\x1c\x0bB\x1c", 0, []result{{"A", nil}, {"B", nil}, {"", io.EOF}}},
		{"empty frame", frame(""), 0, []result{{"", nil}, {"", io.EOF}}},
		{"junk then frame", "xyz" + frame("A"), 0, []result{{"", mllp.ErrJunk}, {"A", nil}, {"", io.EOF}}},
		{"truncated by new start", "\x0bPART" + frame("A"), 0, []result{{"", mllp.ErrTruncated}, {"A", nil}, {"", io.EOF}}},
		{"truncated at EOF", frame("A") + "\x0bPART", 0, []result{{"A", nil}, {"", mllp.ErrTruncated}, {"", io.EOF}}},
		{"too large then fine", frame(strings.Repeat("x", 100)) + frame("ok"), 10, []result{{"", mllp.ErrFrameTooLarge}, {"ok", nil}, {"", io.EOF}}},
		{"limit exact", frame("0123456789") + frame("ok"), 10, []result{{"0123456789", nil}, {"ok", nil}, {"", io.EOF}}},
		{"huge discarded", frame(strings.Repeat("y", 200000)) + frame("ok"), 1000, []result{{"", mllp.ErrFrameTooLarge}, {"ok", nil}, {"", io.EOF}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A reader that returns a byte at a time exercises every refill.
			for _, src := range []io.Reader{strings.NewReader(tt.in), &oneByte{s: tt.in}} {
				r := mllp.NewReader(src, tt.max)
				for i, w := range tt.want {
					got, err := r.ReadFrame()
					if w.err != nil {
						if !errors.Is(err, w.err) {
							t.Fatalf("frame %d: err %v, want %v", i, err, w.err)
						}
						continue
					}
					if err != nil || string(got) != w.frame {
						t.Fatalf("frame %d: %q, %v; want %q", i, got, err, w.frame)
					}
				}
			}
		})
	}
}

type oneByte struct {
	s string
	i int
}

func (o *oneByte) Read(p []byte) (int, error) {
	if o.i >= len(o.s) {
		return 0, io.EOF
	}
	p[0] = o.s[o.i]
	o.i++
	return 1, nil
}

func TestFrameErrorPrefix(t *testing.T) {
	msg := "MSH|^~\\&|A|B|C|D|1||ADT^A01|CTRL9|P|2.5\r" + strings.Repeat("OBX|1|ED|||"+strings.Repeat("Q", 500)+"\r", 10)
	r := mllp.NewReader(strings.NewReader(frame(msg)), 1000)
	_, err := r.ReadFrame()
	var fe *mllp.FrameError
	if !errors.As(err, &fe) || fe.Size != len(msg) || !bytes.HasPrefix(fe.Prefix, []byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|CTRL9|")) {
		t.Fatalf("err %v (size %d, want %d)", err, fe.Size, len(msg))
	}
	if !strings.Contains(err.Error(), "exceeds the limit of 1000 bytes") {
		t.Errorf("message %q", err)
	}
}

// echo is a Handler that answers "ACK:" + the frame and counts frames.
type echo struct {
	n      atomic.Int64
	delay  time.Duration
	mu     sync.Mutex
	errors []error
}

func (e *echo) HandleMLLP(ctx context.Context, frame []byte, remote string) []byte {
	e.n.Add(1)
	if e.delay > 0 {
		time.Sleep(e.delay)
	}
	if bytes.Equal(frame, []byte("SILENT")) {
		return nil
	}
	return append([]byte("ACK:"), frame...)
}

func (e *echo) HandleMLLPError(ctx context.Context, err *mllp.FrameError, remote string) []byte {
	e.mu.Lock()
	e.errors = append(e.errors, err)
	e.mu.Unlock()
	return []byte("NAK:" + err.Err.Error()[:10])
}

func startServer(t *testing.T, s *mllp.Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(l) }()
	t.Cleanup(func() {
		s.Close()
		if err := <-done; !errors.Is(err, mllp.ErrServerClosed) {
			t.Errorf("Serve returned %v", err)
		}
	})
	return l.Addr().String()
}

func TestServerManyConnections(t *testing.T) {
	h := &echo{}
	addr := startServer(t, &mllp.Server{Handler: h})
	const conns, per = 50, 40
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	for c := 0; c < conns; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl, err := mllp.Dial(context.Background(), addr, nil)
			if err != nil {
				errs <- err
				return
			}
			defer cl.Close()
			cl.Timeout = 5 * time.Second
			for i := 0; i < per; i++ {
				msg := fmt.Sprintf("conn %d msg %d", c, i)
				ack, err := cl.Send(context.Background(), []byte(msg))
				if err != nil {
					errs <- err
					return
				}
				if string(ack) != "ACK:"+msg {
					errs <- fmt.Errorf("ack %q for %q", ack, msg)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := h.n.Load(); got != conns*per {
		t.Errorf("handler saw %d frames, want %d", got, conns*per)
	}
}

func TestServerBadFramesKeepConnection(t *testing.T) {
	h := &echo{}
	addr := startServer(t, &mllp.Server{Handler: h, MaxFrameSize: 100})
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	// Oversized, junk, truncated, silent (no ACK), then a good frame: the
	// connection must answer each bad frame via HandleMLLPError, send
	// nothing for the silent one, and still serve the last.
	in := frame(strings.Repeat("z", 500)) + "junk" + "\x0bcut short" + frame("SILENT") + frame("good")
	if _, err := nc.Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	r := mllp.NewReader(nc, 0)
	var got []string
	for i := 0; i < 4; i++ {
		f, err := r.ReadFrame()
		if err != nil {
			t.Fatalf("reading ack %d: %v (so far %q)", i, err, got)
		}
		got = append(got, string(f))
	}
	want := []string{"NAK:mllp: fram", "NAK:mllp: byte", "NAK:mllp: trun", "ACK:good"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("acks %q, want %q", got, want)
	}
}

func TestClientTimeoutAndOrder(t *testing.T) {
	h := &echo{delay: 300 * time.Millisecond}
	addr := startServer(t, &mllp.Server{Handler: h})
	cl, err := mllp.Dial(context.Background(), addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	cl.Timeout = 50 * time.Millisecond
	if _, err := cl.Send(context.Background(), []byte("slow")); err == nil {
		t.Fatal("Send succeeded despite the timeout")
	}
	// After a timeout the client refuses to go on: a late ACK would be
	// matched to the wrong message.
	if _, err := cl.Send(context.Background(), []byte("next")); err == nil || !strings.Contains(err.Error(), "unusable") {
		t.Errorf("second Send: %v, want an unusable-connection error", err)
	}
}

func TestShutdownWaitsForInflight(t *testing.T) {
	h := &echo{delay: 200 * time.Millisecond}
	s := &mllp.Server{Handler: h}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(l)
	idle, err := mllp.Dial(context.Background(), l.Addr().String(), nil) // idle connection
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	busy, err := mllp.Dial(context.Background(), l.Addr().String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	res := make(chan error, 1)
	go func() {
		ack, err := busy.Send(context.Background(), []byte("inflight"))
		if err == nil && string(ack) != "ACK:inflight" {
			err = fmt.Errorf("ack %q", ack)
		}
		res <- err
	}()
	time.Sleep(50 * time.Millisecond) // the frame is in the handler
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-res; err != nil {
		t.Errorf("in-flight message: %v", err)
	}
	if _, err := mllp.Dial(context.Background(), l.Addr().String(), nil); err == nil {
		t.Error("dial after Shutdown succeeded")
	}
}

func TestTLS(t *testing.T) {
	ts := httptest.NewUnstartedServer(nil) // only for its test certificate
	ts.StartTLS()
	cert := ts.TLS.Certificates[0]
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	ts.Close()
	addr := startServer(t, &mllp.Server{Handler: &echo{}, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}})
	cl, err := mllp.Dial(context.Background(), addr, &tls.Config{RootCAs: pool, ServerName: "example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ack, err := cl.Send(context.Background(), []byte("secure"))
	if err != nil || string(ack) != "ACK:secure" {
		t.Fatalf("ack %q, %v", ack, err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(frame("A")+"junk\x0bB\x1c"), 5)
	f.Add([]byte("\x0b\x0b\x1c\x1c\r"), 1)
	f.Fuzz(func(t *testing.T, in []byte, max int) {
		r := mllp.NewReader(bytes.NewReader(in), max%64)
		for i := 0; i <= len(in)+1; i++ {
			fr, err := r.ReadFrame()
			if err == io.EOF {
				return
			}
			var fe *mllp.FrameError
			if err != nil && !errors.As(err, &fe) {
				t.Fatalf("unexpected error %v", err)
			}
			if err == nil && bytes.ContainsAny(fr, "\x0b\x1c") {
				t.Fatalf("frame %q holds framing bytes", fr)
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
