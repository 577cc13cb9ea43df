package mllp

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Handler handles one frame received by a Server. It returns the
// acknowledgement to send back, or nil to send nothing. frame is only valid
// during the call. The Server writes the returned acknowledgement on the
// same connection before reading that connection's next frame, so
// acknowledgements go out in the order the frames came in; a Handler that
// must make the message durable before acknowledging does so before it
// returns. Calls for different connections run concurrently.
type Handler interface {
	HandleMLLP(ctx context.Context, frame []byte, remote string) (ack []byte)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, frame []byte, remote string) []byte

// HandleMLLP calls f.
func (f HandlerFunc) HandleMLLP(ctx context.Context, frame []byte, remote string) []byte {
	return f(ctx, frame, remote)
}

// FrameErrorHandler is implemented by a Handler that wants to hear about bad
// frames (too large, truncated, junk between frames), to keep them for
// review and perhaps reject them with an acknowledgement built from
// err.Prefix. Without it the Server drops bad frames silently (after
// logging) and goes on reading the connection.
type FrameErrorHandler interface {
	HandleMLLPError(ctx context.Context, err *FrameError, remote string) (ack []byte)
}

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("mllp: server closed")

// Server accepts MLLP connections and hands each frame to Handler.
type Server struct {
	Handler Handler
	// TLSConfig, when set, makes Serve speak TLS.
	TLSConfig *tls.Config
	// MaxFrameSize is the largest frame accepted (DefaultMaxFrame if 0).
	MaxFrameSize int
	// IdleTimeout closes a connection that sends nothing for this long
	// (0: never).
	IdleTimeout time.Duration
	// WriteTimeout bounds writing one acknowledgement (0: no limit).
	WriteTimeout time.Duration
	// Logf, if set, receives connection-level events (never message
	// content).
	Logf func(format string, args ...any)

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[*conn]struct{}
	closing   atomic.Bool
	baseCtx   context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
}

type conn struct {
	nc   net.Conn
	idle atomic.Bool
}

func (s *Server) logf(format string, args ...any) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}

func (s *Server) init() {
	if s.listeners == nil {
		s.listeners = map[net.Listener]struct{}{}
		s.conns = map[*conn]struct{}{}
		s.baseCtx, s.cancel = context.WithCancel(context.Background())
	}
}

// ListenAndServe listens on the TCP address addr and serves it.
func (s *Server) ListenAndServe(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// Serve accepts connections on l until Shutdown or Close, serving each in
// its own goroutine. It always returns a non-nil error: ErrServerClosed
// after Shutdown or Close.
func (s *Server) Serve(l net.Listener) error {
	if s.TLSConfig != nil {
		l = tls.NewListener(l, s.TLSConfig)
	}
	s.mu.Lock()
	s.init()
	if s.closing.Load() {
		s.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	s.listeners[l] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, l)
		s.mu.Unlock()
		l.Close()
	}()
	var delay time.Duration
	for {
		nc, err := l.Accept()
		if err != nil {
			if s.closing.Load() {
				return ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				s.logf("mllp: accept: %v; retrying in %v", err, delay)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		c := &conn{nc: nc}
		s.mu.Lock()
		if s.closing.Load() {
			s.mu.Unlock()
			nc.Close()
			return ErrServerClosed
		}
		s.conns[c] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(c)
	}
}

func (s *Server) serveConn(c *conn) {
	defer func() {
		c.nc.Close()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		s.wg.Done()
	}()
	remote := c.nc.RemoteAddr().String()
	ctx := s.baseCtx
	r := NewReader(c.nc, s.MaxFrameSize)
	var wbuf []byte
	write := func(ack []byte) bool {
		if ack == nil {
			return true
		}
		if s.WriteTimeout > 0 {
			c.nc.SetWriteDeadline(time.Now().Add(s.WriteTimeout))
		}
		wbuf = AppendFrame(wbuf[:0], ack)
		if _, err := c.nc.Write(wbuf); err != nil {
			s.logf("mllp: %s: writing acknowledgement: %v", remote, err)
			return false
		}
		return true
	}
	for {
		c.idle.Store(true)
		if s.closing.Load() {
			return
		}
		var deadline time.Time
		if s.IdleTimeout > 0 {
			deadline = time.Now().Add(s.IdleTimeout)
		}
		c.nc.SetReadDeadline(deadline)
		frame, err := r.ReadFrame()
		c.idle.Store(false)
		if err != nil {
			var fe *FrameError
			if !errors.As(err, &fe) {
				if !s.closing.Load() && !errors.Is(err, net.ErrClosed) && !errors.Is(err, io.EOF) {
					s.logf("mllp: %s: %v", remote, err)
				}
				return
			}
			s.logf("mllp: %s: %v", remote, fe)
			if eh, ok := s.Handler.(FrameErrorHandler); ok {
				if !write(eh.HandleMLLPError(ctx, fe, remote)) {
					return
				}
			}
			continue
		}
		if !write(s.Handler.HandleMLLP(ctx, frame, remote)) {
			return
		}
	}
}

// Shutdown stops accepting connections, closes connections as soon as they
// are idle (waiting for a frame), and waits until every frame already
// received has been handled and acknowledged, or ctx ends — then it closes
// what is left and returns ctx's error.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.init()
	s.closing.Store(true)
	for l := range s.listeners {
		l.Close()
	}
	s.mu.Unlock()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		s.mu.Lock()
		n := len(s.conns)
		for c := range s.conns {
			if c.idle.Load() {
				c.nc.SetReadDeadline(time.Unix(1, 0))
			}
		}
		s.mu.Unlock()
		if n == 0 {
			s.wg.Wait()
			return nil
		}
		select {
		case <-ctx.Done():
			s.Close()
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// Close stops the server at once: listeners and connections are closed and
// handlers' contexts cancelled. Acknowledgements not yet written are lost.
func (s *Server) Close() error {
	s.mu.Lock()
	s.init()
	s.closing.Store(true)
	s.cancel()
	for l := range s.listeners {
		l.Close()
	}
	for c := range s.conns {
		c.nc.Close()
	}
	s.mu.Unlock()
	return nil
}
