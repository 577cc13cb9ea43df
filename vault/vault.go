// Package vault encrypts health information at rest. It uses envelope
// encryption: data keys (AES-256) encrypt fields and blobs with AES-GCM, and
// a master key, which never touches the database, wraps the data keys. A
// keyed blind index (HMAC-SHA256) lets the stores find exact values, such as
// an SSN, without keeping them in clear.
package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// KeyProvider wraps and unwraps data keys with a master key. The file and
// environment providers here keep the master key in process memory; an
// external key manager implements the same interface.
type KeyProvider interface {
	// ID names the master key, so that data wrapped by another key can be
	// told apart from corruption.
	ID() string
	Wrap(plain []byte) ([]byte, error)
	Unwrap(wrapped []byte) ([]byte, error)
}

// ErrWrongKey reports that a data key could not be unwrapped: the master key
// is not the one the data was written with.
var ErrWrongKey = errors.New("the master key does not open this data: it was encrypted with another master key")

// StaticKey is a KeyProvider holding a 32-byte master key.
type StaticKey struct {
	id  string
	gcm cipher.AEAD
}

// NewStaticKey returns a provider for a 32-byte master key. Its ID is a
// fingerprint of the key, so a wrong key is recognised before use.
func NewStaticKey(key []byte) (*StaticKey, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("master key must be 32 bytes, got %d", len(key))
	}
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	fp := sha256.Sum256(append([]byte("chartroom master key id\x00"), key...))
	return &StaticKey{id: hex.EncodeToString(fp[:8]), gcm: gcm}, nil
}

// ID implements KeyProvider.
func (k *StaticKey) ID() string { return k.id }

// Wrap implements KeyProvider.
func (k *StaticKey) Wrap(plain []byte) ([]byte, error) { return seal(k.gcm, plain, []byte("dek")) }

// Unwrap implements KeyProvider.
func (k *StaticKey) Unwrap(wrapped []byte) ([]byte, error) {
	p, err := open(k.gcm, wrapped, []byte("dek"))
	if err != nil {
		return nil, ErrWrongKey
	}
	return p, nil
}

// ParseKey decodes a master key written as 64 hex digits or standard base64.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	return nil, errors.New("a master key is 32 bytes written as 64 hex digits or base64")
}

// LoadOrCreateKeyFile reads the master key from path, creating it with a
// new random key (mode 0600) when it does not exist and create is true.
func LoadOrCreateKeyFile(path string, create bool) (*StaticKey, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && create {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, false, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, false, fmt.Errorf("master key: %w", err)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, false, fmt.Errorf("master key: %w", err)
		}
		_, werr := f.WriteString(hex.EncodeToString(key) + "\n")
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return nil, false, fmt.Errorf("master key: %w", werr)
		}
		k, err := NewStaticKey(key)
		return k, true, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("master key: %w", err)
	}
	key, err := ParseKey(string(b))
	if err != nil {
		return nil, false, fmt.Errorf("master key file %s: %w", path, err)
	}
	k, err := NewStaticKey(key)
	return k, false, err
}

// DataKey is one stored data key: wrapped by a master key, never stored in
// clear.
type DataKey struct {
	ID        uint32
	Purpose   string // "field" or "index"
	Wrapped   []byte
	MasterID  string
	Active    bool
	Plaintext []byte // set after unwrapping; never stored
}

// Vault encrypts and decrypts with the current data keys. It is safe for
// concurrent use.
type Vault struct {
	mu       sync.RWMutex
	master   KeyProvider
	ciphers  map[uint32]cipher.AEAD
	active   uint32
	indexKey []byte
}

// Open unwraps keys with master. It fails with ErrWrongKey when a key was
// wrapped with another master key.
func Open(master KeyProvider, keys []DataKey) (*Vault, error) {
	v := &Vault{master: master, ciphers: map[uint32]cipher.AEAD{}}
	for _, k := range keys {
		if k.MasterID != "" && k.MasterID != master.ID() {
			return nil, fmt.Errorf("data key %d was wrapped by master key %s, but the master key given is %s: %w", k.ID, k.MasterID, master.ID(), ErrWrongKey)
		}
		plain, err := master.Unwrap(k.Wrapped)
		if err != nil {
			return nil, fmt.Errorf("data key %d: %w", k.ID, err)
		}
		switch k.Purpose {
		case "index":
			v.indexKey = plain
		default:
			g, err := newGCM(plain)
			if err != nil {
				return nil, err
			}
			v.ciphers[k.ID] = g
			if k.Active {
				v.active = k.ID
			}
		}
	}
	return v, nil
}

// NewKeys makes a fresh field key and index key, wrapped by master, for a new
// database. The caller stores them.
func NewKeys(master KeyProvider, firstID uint32) ([]DataKey, error) {
	var out []DataKey
	for i, purpose := range []string{"field", "index"} {
		plain := make([]byte, 32)
		if _, err := rand.Read(plain); err != nil {
			return nil, err
		}
		w, err := master.Wrap(plain)
		if err != nil {
			return nil, err
		}
		out = append(out, DataKey{ID: firstID + uint32(i), Purpose: purpose, Wrapped: w, MasterID: master.ID(), Active: true, Plaintext: plain})
	}
	return out, nil
}

// Rewrap unwraps each key with old and wraps it with new, for master key
// rotation. Data encrypted by the keys is untouched.
func Rewrap(keys []DataKey, oldKey, newKey KeyProvider) ([]DataKey, error) {
	out := make([]DataKey, len(keys))
	for i, k := range keys {
		plain, err := oldKey.Unwrap(k.Wrapped)
		if err != nil {
			return nil, fmt.Errorf("data key %d: %w", k.ID, err)
		}
		w, err := newKey.Wrap(plain)
		if err != nil {
			return nil, err
		}
		k.Wrapped, k.MasterID = w, newKey.ID()
		out[i] = k
	}
	return out, nil
}

// Encrypt seals plain with the active data key. The output starts with the
// key id, so older keys keep decrypting after a data key rotation. aad binds
// the ciphertext to its place (for example "patient:42:secret").
func (v *Vault) Encrypt(plain, aad []byte) ([]byte, error) {
	v.mu.RLock()
	g, id := v.ciphers[v.active], v.active
	v.mu.RUnlock()
	if g == nil {
		return nil, errors.New("vault has no active data key")
	}
	sealed, err := seal(g, plain, aad)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 4+len(sealed))
	binary.BigEndian.PutUint32(out, id)
	copy(out[4:], sealed)
	return out, nil
}

// Decrypt opens the output of Encrypt.
func (v *Vault) Decrypt(data, aad []byte) ([]byte, error) {
	if len(data) < 4 {
		return nil, errors.New("ciphertext too short")
	}
	id := binary.BigEndian.Uint32(data)
	v.mu.RLock()
	g := v.ciphers[id]
	v.mu.RUnlock()
	if g == nil {
		return nil, fmt.Errorf("ciphertext names data key %d, which this vault does not hold", id)
	}
	p, err := open(g, data[4:], aad)
	if err != nil {
		return nil, errors.New("ciphertext does not authenticate: it was altered or belongs elsewhere")
	}
	return p, nil
}

// BlindIndex returns a keyed hash of value for exact-match lookups. The
// domain separates indexes ("ssn", "mrn") so equal values in different
// columns do not match.
func (v *Vault) BlindIndex(domain, value string) []byte {
	m := hmac.New(sha256.New, v.indexKey)
	m.Write([]byte(domain))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return m.Sum(nil)[:16]
}

func newGCM(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

func seal(g cipher.AEAD, plain, aad []byte) ([]byte, error) {
	out := make([]byte, g.NonceSize(), g.NonceSize()+len(plain)+g.Overhead())
	if _, err := rand.Read(out); err != nil {
		return nil, err
	}
	return g.Seal(out, out, plain, aad), nil
}

func open(g cipher.AEAD, data, aad []byte) ([]byte, error) {
	n := g.NonceSize()
	if len(data) < n+g.Overhead() {
		return nil, errors.New("ciphertext too short")
	}
	return g.Open(nil, data[:n], data[n:], aad)
}
