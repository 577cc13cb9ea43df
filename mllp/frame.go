// Package mllp implements the Minimal Lower Layer Protocol that carries HL7 v2
// messages over TCP: each message is framed as VT (0x0B), the message, FS
// (0x1C), CR (0x0D), and the receiver answers each frame with an
// acknowledgement frame.
//
// Reader and WriteFrame do the framing; Client sends a message and waits for
// its acknowledgement; Server accepts many connections (optionally TLS) and
// passes each frame to a Handler, writing back exactly the acknowledgement
// the Handler returns, in order. The Handler decides when a message is safe:
// the server never acknowledges anything on its own.
package mllp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Framing bytes.
const (
	StartBlock     byte = 0x0B // VT, before each message
	EndBlock       byte = 0x1C // FS, after each message
	CarriageReturn byte = 0x0D // CR, after FS
)

// DefaultMaxFrame is the largest frame a Reader accepts when none is set.
const DefaultMaxFrame = 16 << 20

// Framing errors. A FrameError wraps one of them; the Reader stays usable
// after each, positioned at the next frame.
var (
	ErrFrameTooLarge = errors.New("mllp: frame larger than the limit")
	ErrTruncated     = errors.New("mllp: truncated frame (no end block before the next start block or the end of the stream)")
	ErrJunk          = errors.New("mllp: bytes outside a frame")
)

// FrameError is a frame that could not be read whole: too large, truncated,
// or bytes outside any frame. Prefix holds the first bytes of the frame (up
// to 4 KiB), enough to read its MSH and acknowledge it.
type FrameError struct {
	Err    error // ErrFrameTooLarge, ErrTruncated or ErrJunk
	Size   int   // bytes in the bad frame (or junk)
	Limit  int   // the size limit in force
	Prefix []byte
}

func (e *FrameError) Error() string {
	switch e.Err {
	case ErrFrameTooLarge:
		return fmt.Sprintf("mllp: frame of at least %d bytes exceeds the limit of %d bytes", e.Size, e.Limit)
	case ErrTruncated:
		return fmt.Sprintf("mllp: truncated frame after %d bytes (no end block)", e.Size)
	}
	return fmt.Sprintf("mllp: %d bytes outside any frame", e.Size)
}

// Unwrap returns the kind of framing error.
func (e *FrameError) Unwrap() error { return e.Err }

const prefixLen = 4096

// Reader reads MLLP frames from a stream.
type Reader struct {
	rd  io.Reader
	buf []byte
	off int // start of unconsumed data
	max int
	err error
}

// NewReader returns a Reader of frames from r that rejects frames larger
// than max bytes (DefaultMaxFrame if max ≤ 0).
func NewReader(r io.Reader, max int) *Reader {
	if max <= 0 {
		max = DefaultMaxFrame
	}
	return &Reader{rd: r, buf: make([]byte, 0, 32<<10), max: max}
}

// fill reads more data, first moving the bytes from keep on to the start of
// the buffer. It returns how far they moved.
func (r *Reader) fill(keep int) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	shift := 0
	if keep > 0 {
		shift = keep
		n := copy(r.buf, r.buf[keep:])
		r.buf = r.buf[:n]
		r.off -= keep
	}
	if cap(r.buf)-len(r.buf) < 4096 {
		nb := make([]byte, len(r.buf), 2*cap(r.buf)+4096)
		copy(nb, r.buf)
		r.buf = nb
	}
	n, err := r.rd.Read(r.buf[len(r.buf):cap(r.buf)])
	r.buf = r.buf[:len(r.buf)+n]
	if err != nil && n == 0 {
		r.err = err
		return shift, err
	}
	return shift, nil
}

func isSpace(c byte) bool { return c == '\r' || c == '\n' || c == ' ' || c == '\t' }

// ReadFrame returns the next frame's message, without the framing bytes.
// The slice is valid until the next call. White space between frames is
// ignored. At a clean end of the stream it returns io.EOF. A bad frame gives
// a *FrameError and the Reader moves on to the next frame; any other error
// (the connection failed) is returned as it is and repeated thereafter.
func (r *Reader) ReadFrame() ([]byte, error) {
	// Find the start block.
	junk := 0
	var junkPrefix []byte
	for {
		data := r.buf[r.off:]
		i := 0
		for ; i < len(data) && data[i] != StartBlock; i++ {
			if !isSpace(data[i]) {
				if len(junkPrefix) < 64 {
					junkPrefix = append(junkPrefix, data[i])
				}
				junk++
			}
		}
		r.off += i
		if i < len(data) {
			break
		}
		if _, err := r.fill(r.off); err != nil {
			if junk > 0 {
				return nil, &FrameError{Err: ErrJunk, Size: junk, Limit: r.max, Prefix: junkPrefix}
			}
			return nil, err
		}
	}
	if junk > 0 {
		return nil, &FrameError{Err: ErrJunk, Size: junk, Limit: r.max, Prefix: junkPrefix}
	}
	r.off++ // the start block
	start := r.off
	scanned := 0
	for {
		data := r.buf[start+scanned:]
		end := bytes.IndexByte(data, EndBlock)
		look := data
		if end >= 0 {
			look = data[:end]
		}
		if v := bytes.IndexByte(look, StartBlock); v >= 0 {
			// A new frame starts before this one ended.
			size := scanned + v
			fe := &FrameError{Err: ErrTruncated, Size: size, Limit: r.max,
				Prefix: bytes.Clone(r.buf[start : start+min(size, prefixLen)])}
			r.off = start + size
			return nil, fe
		}
		if end >= 0 {
			size := scanned + end
			r.off = start + size + 1
			if size > r.max {
				return nil, &FrameError{Err: ErrFrameTooLarge, Size: size, Limit: r.max,
					Prefix: bytes.Clone(r.buf[start : start+min(size, prefixLen)])}
			}
			return r.buf[start : start+size], nil
		}
		scanned = len(r.buf) - start
		if scanned > r.max {
			return nil, r.discard(start)
		}
		shift, err := r.fill(start)
		start -= shift
		if err != nil {
			size := len(r.buf) - start
			fe := &FrameError{Err: ErrTruncated, Size: size, Limit: r.max,
				Prefix: bytes.Clone(r.buf[start : start+min(size, prefixLen)])}
			r.off = len(r.buf)
			if err != io.EOF {
				return nil, err
			}
			return nil, fe
		}
	}
}

// discard drops an oversized frame up to its end block (or the next start
// block, or the end of the stream) and describes it.
func (r *Reader) discard(start int) error {
	fe := &FrameError{Err: ErrFrameTooLarge, Limit: r.max,
		Prefix: bytes.Clone(r.buf[start : start+min(len(r.buf)-start, prefixLen)])}
	for {
		data := r.buf[start:]
		if i := bytes.IndexAny(data, "\x0b\x1c"); i >= 0 {
			fe.Size += i
			r.off = start + i
			if data[i] == EndBlock {
				r.off++
			}
			return fe
		}
		fe.Size += len(data)
		r.buf, r.off, start = r.buf[:0], 0, 0
		if _, err := r.fill(0); err != nil {
			if err != io.EOF {
				return err
			}
			return fe
		}
	}
}

// AppendFrame appends msg framed for MLLP to dst.
func AppendFrame(dst, msg []byte) []byte {
	dst = append(dst, StartBlock)
	dst = append(dst, msg...)
	return append(dst, EndBlock, CarriageReturn)
}

// WriteFrame writes msg to w as one MLLP frame, in a single Write.
func WriteFrame(w io.Writer, msg []byte) error {
	_, err := w.Write(AppendFrame(make([]byte, 0, len(msg)+3), msg))
	return err
}
