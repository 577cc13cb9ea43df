// Package backup writes and restores Chartroom snapshots: every table of the
// database and every blob, read in one consistent transaction while the
// server keeps running, in an engine-neutral form, so a snapshot taken on
// SQLite restores onto PostgreSQL and back. The archive is encrypted with a
// random key that the master key wraps, sealed in chunks that are numbered
// and flagged so that a cut or reordered file is refused, and checksummed
// end to end.
package backup

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/vault"
)

const (
	magic     = "CHARTROOM-BACKUP-1\n"
	chunkSize = 1 << 20
)

// header is the clear first line after the magic: what the archive is and
// its data key, wrapped by the master key.
type header struct {
	Created    time.Time `json:"created"`
	Engine     string    `json:"engine"`
	MasterID   string    `json:"master_id"`
	WrappedKey string    `json:"wrapped_key"`
	Nonce      string    `json:"nonce"`
}

// record is one line of the plaintext stream.
type record struct {
	Table  string   `json:"table,omitempty"`
	Cols   []string `json:"cols,omitempty"`
	Row    []val    `json:"row,omitempty"`
	End    string   `json:"end,omitempty"` // the table that ends here
	Blob   string   `json:"blob,omitempty"`
	Data   []byte   `json:"data,omitempty"`
	Done   bool     `json:"done,omitempty"`
	Rows   int      `json:"rows,omitempty"`
	Blobs  int      `json:"blobs,omitempty"`
	SHA256 string   `json:"sha256,omitempty"`
}

// val is a typed value: exactly one field is set, or none for NULL.
type val struct {
	I  *int64     `json:"i,omitempty"`
	F  *float64   `json:"f,omitempty"`
	B  *bool      `json:"b,omitempty"`
	S  *string    `json:"s,omitempty"`
	X  []byte     `json:"x,omitempty"`
	XE bool       `json:"xe,omitempty"` // an empty byte string, which X cannot carry
	T  *time.Time `json:"t,omitempty"`
	N  bool       `json:"n,omitempty"`
}

func toVal(v any) val {
	switch x := v.(type) {
	case nil:
		return val{N: true}
	case int64:
		return val{I: &x}
	case int:
		i := int64(x)
		return val{I: &i}
	case int32:
		i := int64(x)
		return val{I: &i}
	case float64:
		return val{F: &x}
	case bool:
		return val{B: &x}
	case string:
		return val{S: &x}
	case []byte:
		if len(x) == 0 {
			return val{XE: true}
		}
		return val{X: x}
	case time.Time:
		return val{T: &x}
	}
	s := fmt.Sprint(v)
	return val{S: &s}
}

func (v val) value() any {
	switch {
	case v.I != nil:
		return *v.I
	case v.F != nil:
		return *v.F
	case v.B != nil:
		return *v.B
	case v.S != nil:
		return *v.S
	case v.X != nil:
		return v.X
	case v.XE:
		return []byte{}
	case v.T != nil:
		return *v.T
	}
	return nil
}

// Stats says what a backup or restore carried.
type Stats struct {
	Tables, Rows, Blobs int
	Bytes               int64
}

// Write streams a snapshot of s to w, sealed with a new key that master
// wraps. progress, if not nil, is called after each table.
func Write(ctx context.Context, s *sqlstore.Store, master vault.KeyProvider, w io.Writer, progress func(table string, rows int)) (Stats, error) {
	var st Stats
	key := make([]byte, 32)
	nonce := make([]byte, 8)
	rand.Read(key)
	rand.Read(nonce)
	wrapped, err := master.Wrap(key)
	if err != nil {
		return st, err
	}
	h, _ := json.Marshal(header{Created: time.Now().UTC(), Engine: s.Engine(), MasterID: master.ID(), WrappedKey: base64.StdEncoding.EncodeToString(wrapped), Nonce: hex.EncodeToString(nonce)})
	cw := &countWriter{w: w}
	if _, err := io.WriteString(cw, magic+string(h)+"\n"); err != nil {
		return st, err
	}
	sw, err := newSealWriter(cw, key, nonce)
	if err != nil {
		return st, err
	}
	zw := gzip.NewWriter(sw)
	sum := sha256.New()
	enc := json.NewEncoder(io.MultiWriter(zw, sum))
	var blobs []string
	err = s.Dump(ctx, func(table string, cols []string, next func() ([]sqlstore.Value, error)) error {
		st.Tables++
		if err := enc.Encode(record{Table: table, Cols: cols}); err != nil {
			return err
		}
		n := 0
		for {
			row, err := next()
			if err != nil {
				return fmt.Errorf("reading %s: %w", table, err)
			}
			if row == nil {
				break
			}
			r := record{Row: make([]val, len(row))}
			for i, v := range row {
				r.Row[i] = toVal(v)
				if table == "blobs" && cols[i] == "sha256" {
					if s, ok := v.(string); ok {
						blobs = append(blobs, s)
					}
				}
			}
			if err := enc.Encode(r); err != nil {
				return err
			}
			n++
		}
		st.Rows += n
		if progress != nil {
			progress(table, n)
		}
		return enc.Encode(record{End: table, Rows: n})
	})
	if err != nil {
		return st, err
	}
	for _, b := range blobs {
		data, err := s.Blobs().Get(ctx, b)
		if err != nil {
			return st, fmt.Errorf("blob %s: %w", b, err)
		}
		if err := enc.Encode(record{Blob: b, Data: data}); err != nil {
			return st, err
		}
		st.Blobs++
	}
	if progress != nil {
		progress("blobs", st.Blobs)
	}
	if err := json.NewEncoder(zw).Encode(record{Done: true, Rows: st.Rows, Blobs: st.Blobs, SHA256: hex.EncodeToString(sum.Sum(nil))}); err != nil {
		return st, err
	}
	if err := zw.Close(); err != nil {
		return st, err
	}
	if err := sw.Close(); err != nil {
		return st, err
	}
	st.Bytes = cw.n
	return st, nil
}

// ErrCorrupt reports an archive that is cut, altered or not a backup.
var ErrCorrupt = errors.New("the backup is corrupt or truncated")

// Restore reads an archive into s, an empty store opened with
// Restoring set, then opens its vault and stores the blobs. Any problem
// stops the restore with an error; the caller removes the half-restored
// target.
func Restore(ctx context.Context, r io.Reader, s *sqlstore.Store, master vault.KeyProvider, progress func(table string, rows int)) (Stats, error) {
	var st Stats
	br := bufio.NewReader(r)
	m, err := br.ReadString('\n')
	if err != nil || m != magic {
		return st, fmt.Errorf("%w: it does not start with the Chartroom backup header", ErrCorrupt)
	}
	line, err := br.ReadBytes('\n')
	if err != nil {
		return st, fmt.Errorf("%w: no header line", ErrCorrupt)
	}
	var h header
	if err := json.Unmarshal(line, &h); err != nil {
		return st, fmt.Errorf("%w: bad header: %v", ErrCorrupt, err)
	}
	if h.MasterID != master.ID() {
		return st, fmt.Errorf("this backup was written under master key %s, but the key given is %s: %w", h.MasterID, master.ID(), vault.ErrWrongKey)
	}
	wrapped, err1 := base64.StdEncoding.DecodeString(h.WrappedKey)
	nonce, err2 := hex.DecodeString(h.Nonce)
	if err1 != nil || err2 != nil || len(nonce) != 8 {
		return st, fmt.Errorf("%w: bad header", ErrCorrupt)
	}
	key, err := master.Unwrap(wrapped)
	if err != nil {
		return st, err
	}
	sr, err := newSealReader(br, key, nonce)
	if err != nil {
		return st, err
	}
	zr, err := gzip.NewReader(sr)
	if err != nil {
		return st, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	dec := json.NewDecoder(zr)
	sum := sha256.New()
	read := func() (record, error) {
		var rec record
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return rec, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if err := json.Unmarshal(raw, &rec); err != nil {
			return rec, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if !rec.Done {
			sum.Write(raw)
			sum.Write([]byte{'\n'})
		}
		return rec, nil
	}
	vaultOpen := false
	for {
		rec, err := read()
		if err != nil {
			return st, err
		}
		switch {
		case rec.Done:
			if rec.Rows != st.Rows || rec.Blobs != st.Blobs || rec.SHA256 != hex.EncodeToString(sum.Sum(nil)) {
				return st, fmt.Errorf("%w: the checksum or counts at its end do not match its content", ErrCorrupt)
			}
			if _, err := io.Copy(io.Discard, zr); err != nil {
				return st, fmt.Errorf("%w: %v", ErrCorrupt, err)
			}
			if !vaultOpen {
				if err := s.OpenVault(ctx); err != nil {
					return st, err
				}
			}
			return st, nil
		case rec.Table != "":
			var bad error
			n, err := s.Load(ctx, rec.Table, rec.Cols, func() ([]sqlstore.Value, error) {
				row, err := read()
				if err != nil {
					bad = err
					return nil, err
				}
				if row.End != "" {
					return nil, nil
				}
				out := make([]sqlstore.Value, len(row.Row))
				for i, v := range row.Row {
					out[i] = v.value()
				}
				return out, nil
			})
			if bad != nil {
				return st, bad
			}
			if err != nil {
				return st, err
			}
			st.Tables++
			st.Rows += n
			if progress != nil {
				progress(rec.Table, n)
			}
		case rec.Blob != "":
			if !vaultOpen {
				if err := s.OpenVault(ctx); err != nil {
					return st, err
				}
				vaultOpen = true
			}
			got, err := s.Blobs().Put(ctx, rec.Data)
			if err != nil {
				return st, err
			}
			if got != rec.Blob {
				return st, fmt.Errorf("%w: blob %s… has other content", ErrCorrupt, rec.Blob[:12])
			}
			st.Blobs++
		default:
			return st, fmt.Errorf("%w: unexpected record", ErrCorrupt)
		}
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// sealWriter seals fixed-size chunks with AES-GCM. Each chunk's nonce is the
// archive nonce and the chunk number, and the last chunk is flagged in the
// additional data, so chunks cannot be dropped, reordered or cut.
type sealWriter struct {
	w     io.Writer
	gcm   cipher.AEAD
	nonce []byte
	n     uint32
	buf   []byte
}

func newSealWriter(w io.Writer, key, nonce []byte) (*sealWriter, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	g, err := cipher.NewGCM(b)
	if err != nil {
		return nil, err
	}
	return &sealWriter{w: w, gcm: g, nonce: nonce, buf: make([]byte, 0, chunkSize)}, nil
}

func chunkNonce(base []byte, n uint32) []byte {
	out := make([]byte, 12)
	copy(out, base)
	binary.BigEndian.PutUint32(out[8:], n)
	return out
}

func (s *sealWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		k := min(chunkSize-len(s.buf), len(p))
		s.buf = append(s.buf, p[:k]...)
		p = p[k:]
		if len(s.buf) == chunkSize {
			if err := s.flush(false); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func (s *sealWriter) flush(last bool) error {
	aad := []byte{0}
	if last {
		aad[0] = 1
	}
	sealed := s.gcm.Seal(nil, chunkNonce(s.nonce, s.n), s.buf, aad)
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(sealed)))
	if _, err := s.w.Write(l[:]); err != nil {
		return err
	}
	if _, err := s.w.Write(sealed); err != nil {
		return err
	}
	s.n++
	s.buf = s.buf[:0]
	return nil
}

// Close seals the final chunk.
func (s *sealWriter) Close() error { return s.flush(true) }

type sealReader struct {
	r     io.Reader
	gcm   cipher.AEAD
	nonce []byte
	n     uint32
	buf   []byte
	done  bool
}

func newSealReader(r io.Reader, key, nonce []byte) (*sealReader, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	g, err := cipher.NewGCM(b)
	if err != nil {
		return nil, err
	}
	return &sealReader{r: r, gcm: g, nonce: nonce}, nil
}

func (s *sealReader) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.done {
			return 0, io.EOF
		}
		var l [4]byte
		if _, err := io.ReadFull(s.r, l[:]); err != nil {
			return 0, fmt.Errorf("%w: it ends before its last chunk", ErrCorrupt)
		}
		size := binary.BigEndian.Uint32(l[:])
		if size > chunkSize+uint32(s.gcm.Overhead()) {
			return 0, fmt.Errorf("%w: chunk %d has a bad length", ErrCorrupt, s.n)
		}
		sealed := make([]byte, size)
		if _, err := io.ReadFull(s.r, sealed); err != nil {
			return 0, fmt.Errorf("%w: chunk %d is cut short", ErrCorrupt, s.n)
		}
		nonce := chunkNonce(s.nonce, s.n)
		plain, err := s.gcm.Open(nil, nonce, sealed, []byte{0})
		if err != nil {
			plain, err = s.gcm.Open(nil, nonce, sealed, []byte{1})
			if err != nil {
				return 0, fmt.Errorf("%w: chunk %d does not authenticate", ErrCorrupt, s.n)
			}
			s.done = true
		}
		s.n++
		s.buf = plain
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}
