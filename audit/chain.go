package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// canonicalVersion is the version of the canonical encoding; it is the
// first byte hashed, so a change of encoding cannot be mistaken for
// tampering.
const canonicalVersion = 1

// Canonical returns the bytes an entry's hash covers: every field but the
// hashes, in a fixed order, each length-prefixed, times in UTC
// microseconds. Two entries have the same canonical bytes only if every
// field is equal.
func Canonical(e *Entry) []byte {
	b := make([]byte, 0, 256)
	b = append(b, canonicalVersion)
	b = binary.BigEndian.AppendUint64(b, uint64(e.Seq))
	b = binary.BigEndian.AppendUint64(b, uint64(e.At.UTC().UnixMicro()))
	b = binary.BigEndian.AppendUint64(b, uint64(e.UserID))
	b = binary.BigEndian.AppendUint64(b, uint64(e.PatientID))
	for _, s := range []string{e.Username, e.Role, string(e.Action), e.ObjectType, e.ObjectID, e.IP, e.UserAgent, e.Purpose, e.Reason, string(e.Outcome), e.Detail} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// Hash returns SHA-256(canonical(e) || prev).
func Hash(e *Entry, prev []byte) []byte {
	h := sha256.New()
	h.Write(Canonical(e))
	h.Write(prev)
	return h.Sum(nil)
}

// Seal sets e's hashes for the position after prev.
func Seal(e *Entry, seq int64, prev []byte) {
	e.Seq = seq
	e.PrevHash = prev
	e.Hash = Hash(e, prev)
}

// Signer signs the chain head and checkpoints with Ed25519.
type Signer struct {
	key ed25519.PrivateKey
	id  string
}

// Verifier checks signatures with the public key only.
type Verifier struct {
	pub ed25519.PublicKey
	id  string
}

func keyID(pub ed25519.PublicKey) string {
	s := sha256.Sum256(pub)
	return hex.EncodeToString(s[:6])
}

// NewSigner returns a signer for a private key.
func NewSigner(key ed25519.PrivateKey) *Signer {
	return &Signer{key: key, id: keyID(key.Public().(ed25519.PublicKey))}
}

// ID names the key.
func (s *Signer) ID() string { return s.id }

// Verifier returns the public half.
func (s *Signer) Verifier() *Verifier {
	return &Verifier{pub: s.key.Public().(ed25519.PublicKey), id: s.id}
}

// NewVerifier returns a verifier for a public key.
func NewVerifier(pub ed25519.PublicKey) *Verifier { return &Verifier{pub: pub, id: keyID(pub)} }

// ID names the key.
func (v *Verifier) ID() string { return v.id }

// PublicKey returns the key, for operators who verify elsewhere.
func (v *Verifier) PublicKey() ed25519.PublicKey { return v.pub }

func signedBytes(kind string, seq int64, hash []byte) []byte {
	b := append([]byte("chartroom audit "+kind+"\x00"), binary.BigEndian.AppendUint64(nil, uint64(seq))...)
	return append(b, hash...)
}

// SignHead signs the chain's head: its last seq and hash.
func (s *Signer) SignHead(seq int64, hash []byte) []byte {
	return ed25519.Sign(s.key, signedBytes("head", seq, hash))
}

// SignCheckpoint signs a checkpoint.
func (s *Signer) SignCheckpoint(seq int64, hash []byte) []byte {
	return ed25519.Sign(s.key, signedBytes("checkpoint", seq, hash))
}

// CheckHead reports whether sig signs the head (seq, hash).
func (v *Verifier) CheckHead(seq int64, hash, sig []byte) bool {
	return len(sig) == ed25519.SignatureSize && ed25519.Verify(v.pub, signedBytes("head", seq, hash), sig)
}

// CheckCheckpoint reports whether sig signs the checkpoint (seq, hash).
func (v *Verifier) CheckCheckpoint(seq int64, hash, sig []byte) bool {
	return len(sig) == ed25519.SignatureSize && ed25519.Verify(v.pub, signedBytes("checkpoint", seq, hash), sig)
}

// LoadOrCreateKey reads the Ed25519 key at path (a hex seed), creating it
// (mode 0600) when it does not exist and create is true.
func LoadOrCreateKey(path string, create bool) (*Signer, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && create {
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("audit key: %w", err)
		}
		if err := os.WriteFile(path, []byte(hex.EncodeToString(seed)+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("audit key: %w", err)
		}
		return NewSigner(ed25519.NewKeyFromSeed(seed)), nil
	}
	if err != nil {
		return nil, fmt.Errorf("audit signing key: %w", err)
	}
	seed, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("audit signing key %s: want %d bytes in hex", path, ed25519.SeedSize)
	}
	return NewSigner(ed25519.NewKeyFromSeed(seed)), nil
}
