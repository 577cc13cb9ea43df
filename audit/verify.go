package audit

import (
	"bytes"
	"context"
	"fmt"
)

// Damage names the kind of tampering Verify found.
type Damage string

// The kinds of damage.
const (
	Edited       Damage = "edited"        // a field of an entry was changed
	Deleted      Damage = "deleted"       // an entry is missing from the chain
	Inserted     Damage = "inserted"      // an entry that was never appended is in the chain
	Reordered    Damage = "reordered"     // entries are out of their order
	Truncated    Damage = "truncated"     // entries after a checkpoint or the signed head are gone
	BadSignature Damage = "bad-signature" // a checkpoint or the head is not signed by the key
)

// Problem is the first bad place Verify found.
type Problem struct {
	Seq    int64
	Damage Damage
	Detail string
}

func (p *Problem) Error() string {
	return fmt.Sprintf("audit trail damaged at entry %d: %s (%s)", p.Seq, p.Damage, p.Detail)
}

// Checkpoint is a signed (seq, hash) pair.
type Checkpoint struct {
	Seq       int64
	Hash      []byte
	KeyID     string
	Signature []byte
}

// Source is what Verify reads: the entries in seq order, streamed, the
// checkpoints, the signed head, and a lookup of an entry's seq by hash
// (used only to name the damage once a break is found).
type Source interface {
	ScanAudit(ctx context.Context, fn func(e *Entry) error) error
	AuditCheckpoints(ctx context.Context) ([]Checkpoint, error)
	AuditHead(ctx context.Context) (Checkpoint, error)
	AuditSeqByHash(ctx context.Context, hash []byte) (int64, bool, error)
}

// Report is what Verify found.
type Report struct {
	Entries     int64
	Checkpoints int
	Problem     *Problem // nil when the trail is intact
}

// Verify walks the chain once, in order, in constant memory, and reports the
// first damage: an entry whose hash does not match its content (edited), a
// link to a previous hash that is not the previous entry's (deleted,
// inserted or reordered), a checkpoint or head whose signature fails or
// whose hash is not the chain's at that seq, or a chain that ends before a
// checkpoint or the signed head (truncated).
func Verify(ctx context.Context, src Source, v *Verifier) (*Report, error) {
	cps, err := src.AuditCheckpoints(ctx)
	if err != nil {
		return nil, err
	}
	head, err := src.AuditHead(ctx)
	if err != nil {
		return nil, err
	}
	rep := &Report{Checkpoints: len(cps)}
	fail := func(seq int64, d Damage, detail string) error {
		rep.Problem = &Problem{Seq: seq, Damage: d, Detail: detail}
		return errStop
	}
	for _, c := range cps {
		if v != nil && !v.CheckCheckpoint(c.Seq, c.Hash, c.Signature) {
			rep.Problem = &Problem{Seq: c.Seq, Damage: BadSignature, Detail: "checkpoint signature does not verify with key " + v.ID()}
			return rep, nil
		}
	}
	if head.Seq > 0 && v != nil && !v.CheckHead(head.Seq, head.Hash, head.Signature) {
		rep.Problem = &Problem{Seq: head.Seq, Damage: BadSignature, Detail: "the chain head's signature does not verify: the head was rewritten"}
		return rep, nil
	}
	cpAt := map[int64][]byte{}
	for _, c := range cps {
		cpAt[c.Seq] = c.Hash
	}
	var prevSeq int64
	var prevHash []byte = []byte{}
	err = src.ScanAudit(ctx, func(e *Entry) error {
		rep.Entries++
		if !bytes.Equal(Hash(e, e.PrevHash), e.Hash) {
			// Content changed. A swap of two entries also shows here, as the
			// seq is part of the content; tell the two apart by where the
			// stored hash belongs.
			if seq, ok, _ := src.AuditSeqByHash(ctx, e.PrevHash); ok && seq > e.Seq {
				return fail(e.Seq, Reordered, fmt.Sprintf("it links to entry %d, which comes after it", seq))
			}
			return fail(e.Seq, Edited, "its hash does not match its content")
		}
		if e.Seq != prevSeq+1 {
			if e.Seq <= prevSeq {
				return fail(e.Seq, Reordered, fmt.Sprintf("entry %d comes after entry %d", e.Seq, prevSeq))
			}
			return fail(prevSeq+1, Deleted, fmt.Sprintf("entries %d to %d are missing", prevSeq+1, e.Seq-1))
		}
		if !bytes.Equal(e.PrevHash, prevHash) {
			seq, ok, err := src.AuditSeqByHash(ctx, e.PrevHash)
			switch {
			case err != nil:
				return err
			case ok && seq < prevSeq:
				return fail(e.Seq, Deleted, fmt.Sprintf("it links to entry %d: the entries between were removed and renumbered", seq))
			case ok && seq > e.Seq:
				return fail(e.Seq, Reordered, fmt.Sprintf("it links to entry %d, which comes after it", seq))
			default:
				return fail(e.Seq, Inserted, "it does not link to the entry before it")
			}
		}
		if want, ok := cpAt[e.Seq]; ok && !bytes.Equal(want, e.Hash) {
			return fail(e.Seq, Inserted, "the chain differs from the signed checkpoint at this entry: it was rewritten")
		}
		prevSeq, prevHash = e.Seq, e.Hash
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	if rep.Problem != nil {
		return rep, nil
	}
	for _, c := range cps {
		if c.Seq > prevSeq {
			rep.Problem = &Problem{Seq: prevSeq + 1, Damage: Truncated, Detail: fmt.Sprintf("the chain ends at %d but a checkpoint covers %d", prevSeq, c.Seq)}
			return rep, nil
		}
	}
	if head.Seq != prevSeq || !bytes.Equal(head.Hash, prevHash) {
		if head.Seq > prevSeq {
			rep.Problem = &Problem{Seq: prevSeq + 1, Damage: Truncated, Detail: fmt.Sprintf("the chain ends at %d but its signed head is at %d", prevSeq, head.Seq)}
		} else {
			rep.Problem = &Problem{Seq: head.Seq + 1, Damage: Inserted, Detail: fmt.Sprintf("the chain runs to %d past its signed head at %d", prevSeq, head.Seq)}
		}
	}
	return rep, nil
}

type stopErr struct{}

func (stopErr) Error() string { return "stop" }

var errStop error = stopErr{}
