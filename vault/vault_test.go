package vault_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/chartroom/chartroom/vault"
)

func TestEnvelope(t *testing.T) {
	k1, _ := vault.NewStaticKey(bytes.Repeat([]byte{1}, 32))
	k2, _ := vault.NewStaticKey(bytes.Repeat([]byte{2}, 32))
	keys, err := vault.NewKeys(k1, 1)
	if err != nil {
		t.Fatal(err)
	}
	v, err := vault.Open(k1, keys)
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := v.Encrypt([]byte("078-05-1120"), []byte("patient.secret"))
	if bytes.Contains(sealed, []byte("078-05-1120")) {
		t.Fatal("ciphertext holds the plaintext")
	}
	if got, err := v.Decrypt(sealed, []byte("patient.secret")); err != nil || string(got) != "078-05-1120" {
		t.Errorf("decrypt: %q %v", got, err)
	}
	if _, err := v.Decrypt(sealed, []byte("elsewhere")); err == nil {
		t.Error("ciphertext moved to another place decrypted")
	}
	if _, err := vault.Open(k2, keys); !errors.Is(err, vault.ErrWrongKey) {
		t.Errorf("wrong master key: %v", err)
	}
	re, err := vault.Rewrap(keys, k1, k2)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := vault.Open(k2, re)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v2.Decrypt(sealed, []byte("patient.secret")); err != nil || string(got) != "078-05-1120" {
		t.Errorf("after rotation: %q %v", got, err)
	}
	if !bytes.Equal(v.BlindIndex("ssn", "078051120"), v2.BlindIndex("ssn", "078051120")) || bytes.Equal(v.BlindIndex("ssn", "1"), v.BlindIndex("mrn", "1")) {
		t.Error("blind index")
	}
}
