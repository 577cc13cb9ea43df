package mllp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// Client sends messages over one MLLP connection, one at a time, each
// followed by a wait for its acknowledgement. It is safe for concurrent use;
// concurrent Sends take turns.
type Client struct {
	// Timeout bounds each Send (write and wait for the ACK) when the context
	// has no earlier deadline; zero means no limit.
	Timeout time.Duration

	mu   sync.Mutex
	conn net.Conn
	r    *Reader
	wbuf []byte
	bad  error
}

// Dial connects to addr, over TLS when tlsConfig is not nil.
func Dial(ctx context.Context, addr string, tlsConfig *tls.Config) (*Client, error) {
	var conn net.Conn
	var err error
	if tlsConfig != nil {
		d := tls.Dialer{Config: tlsConfig}
		conn, err = d.DialContext(ctx, "tcp", addr)
	} else {
		var d net.Dialer
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return nil, fmt.Errorf("mllp: dial %s: %w", addr, err)
	}
	return NewClient(conn, 0), nil
}

// NewClient returns a Client using conn, accepting acknowledgements up to
// maxFrame bytes (DefaultMaxFrame if ≤ 0).
func NewClient(conn net.Conn, maxFrame int) *Client {
	return &Client{conn: conn, r: NewReader(conn, maxFrame)}
}

// Send writes msg as one frame and returns the acknowledgement frame's
// message. After a timeout or a broken connection the Client is unusable
// (an ACK may still arrive and would be matched to the wrong message), and
// every later Send fails; dial again.
func (c *Client) Send(ctx context.Context, msg []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bad != nil {
		return nil, c.bad
	}
	deadline, ok := ctx.Deadline()
	if c.Timeout > 0 {
		if t := time.Now().Add(c.Timeout); !ok || t.Before(deadline) {
			deadline, ok = t, true
		}
	}
	if !ok {
		deadline = time.Time{}
	}
	if err := c.conn.SetDeadline(deadline); err != nil {
		return nil, c.fail(err)
	}
	stop := context.AfterFunc(ctx, func() { c.conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	c.wbuf = AppendFrame(c.wbuf[:0], msg)
	if _, err := c.conn.Write(c.wbuf); err != nil {
		return nil, c.fail(ctxErr(ctx, err))
	}
	for {
		ack, err := c.r.ReadFrame()
		var fe *FrameError
		if errors.As(err, &fe) && errors.Is(err, ErrJunk) {
			continue
		}
		if err != nil {
			return nil, c.fail(ctxErr(ctx, err))
		}
		return append([]byte(nil), ack...), nil
	}
}

func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w (%v)", ctx.Err(), err)
	}
	return err
}

func (c *Client) fail(err error) error {
	c.bad = fmt.Errorf("mllp: connection to %s unusable: %w", c.conn.RemoteAddr(), err)
	return c.bad
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }
