// Package blob keeps the binaries of the health record (scanned PDFs and
// images) by content: each blob is named by the SHA-256 of its bytes, which
// is checked again on every read. Blobs are encrypted before they touch the
// disk.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Store keeps blobs by content.
type Store interface {
	// Put stores data and returns its SHA-256 in hex. Putting the same bytes
	// twice stores them once.
	Put(ctx context.Context, data []byte) (string, error)
	// Get returns the bytes whose SHA-256 is sum, after checking them.
	Get(ctx context.Context, sum string) ([]byte, error)
}

// Sealer encrypts and decrypts blobs; *vault.Vault is one. The file name is
// a blind index of the hash, so the disk does not reveal which known
// document a file holds.
type Sealer interface {
	Encrypt(plain, aad []byte) ([]byte, error)
	Decrypt(data, aad []byte) ([]byte, error)
	BlindIndex(domain, value string) []byte
}

// ErrCorrupt reports a blob whose bytes no longer match their hash.
var ErrCorrupt = errors.New("blob is corrupt: its content does not match its SHA-256")

// ErrNotFound reports a missing blob.
var ErrNotFound = errors.New("blob not found")

// Dir is a Store in a directory of the local file system.
type Dir struct {
	root string
	seal Sealer
}

// NewDir returns a Store under root, creating it if needed.
func NewDir(root string, seal Sealer) (*Dir, error) {
	if err := os.MkdirAll(filepath.Join(root, "tmp"), 0o700); err != nil {
		return nil, fmt.Errorf("blob store: %w", err)
	}
	return &Dir{root: root, seal: seal}, nil
}

// before.

func (d *Dir) path(sum string) string {
	name := hex.EncodeToString(d.seal.BlindIndex("blob", sum))
	return filepath.Join(d.root, name[:2], name)
}

// Put implements Store. The file is written to a temporary name, synced and
// renamed, so a crash never leaves half a blob under its final name.
func (d *Dir) Put(ctx context.Context, data []byte) (string, error) {
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	p := d.path(sum)
	if _, err := os.Stat(p); err == nil {
		return sum, nil
	}
	sealed, err := d.seal.Encrypt(data, []byte("blob:"+sum))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return "", fmt.Errorf("blob store: %w", err)
	}
	f, err := os.CreateTemp(filepath.Join(d.root, "tmp"), "put-*")
	if err != nil {
		return "", fmt.Errorf("blob store: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(sealed); err != nil {
		f.Close()
		return "", fmt.Errorf("blob store: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return "", fmt.Errorf("blob store: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("blob store: %w", err)
	}
	if err := os.Rename(f.Name(), p); err != nil {
		return "", fmt.Errorf("blob store: %w", err)
	}
	return sum, nil
}

// Get implements Store.
func (d *Dir) Get(ctx context.Context, sum string) ([]byte, error) {
	if len(sum) != 64 {
		return nil, ErrNotFound
	}
	sealed, err := os.ReadFile(d.path(sum))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("blob store: %w", err)
	}
	data, err := d.seal.Decrypt(sealed, []byte("blob:"+sum))
	if err != nil {
		return nil, fmt.Errorf("blob %s…: %w", sum[:12], ErrCorrupt)
	}
	h := sha256.Sum256(data)
	if hex.EncodeToString(h[:]) != sum {
		return nil, fmt.Errorf("blob %s…: %w", sum[:12], ErrCorrupt)
	}
	return data, nil
}

// Walk calls fn with the path of every stored blob file, for backup.
func (d *Dir) Root() string { return d.root }
