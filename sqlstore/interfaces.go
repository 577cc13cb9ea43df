package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"time"

	"github.com/chartroom/chartroom"
)

var aadMessage = []byte("interface.raw")

// StoreInbound implements chartroom.InterfaceService. The batch is one
// transaction: group commit lets many connections share one fsync.
func (s *Store) StoreInbound(ctx context.Context, batch []*chartroom.InboundMessage) error {
	sealed := make([][]byte, len(batch))
	for i, m := range batch {
		var err error
		if sealed[i], err = s.vault.Encrypt(m.Raw, aadMessage); err != nil {
			return err
		}
		if m.ReceivedAt.IsZero() {
			m.ReceivedAt = s.clock()
		}
		if m.Status == "" {
			m.Status = chartroom.MessageReceived
		}
	}
	// Prepared before the transaction: SQLite's one write connection is
	// the transaction's until it ends.
	var full, rest *sql.Stmt
	var err error
	if len(batch) >= insertChunk {
		if full, err = s.prepared(ctx, s.d.InsertInbound(insertChunk)); err != nil {
			return unavailable(err)
		}
	}
	if n := len(batch) % insertChunk; n > 0 {
		if rest, err = s.prepared(ctx, s.d.InsertInbound(n)); err != nil {
			return unavailable(err)
		}
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		type key struct{ app, facility, control string }
		stored := make(map[key]*chartroom.InboundMessage, len(batch))
		for start := 0; start < len(batch); start += insertChunk {
			chunk := batch[start:min(start+insertChunk, len(batch))]
			st := full
			if len(chunk) < insertChunk {
				st = rest
			}
			args := make([]any, 0, 12*len(chunk))
			for i, m := range chunk {
				args = append(args, m.Channel, m.Remote, m.SendingApp, m.SendingFacility, m.ControlID, m.MessageType, m.PatientKey,
					sealed[start+i], m.Ack, m.AckCode, s.d.Time(m.ReceivedAt.UTC().Truncate(time.Microsecond)), m.Status)
			}
			rows, err := tx.StmtContext(ctx, st).QueryContext(ctx, args...)
			if err != nil {
				return err
			}
			ids := make(map[key]int64, len(chunk))
			for rows.Next() {
				var id int64
				var k key
				if err := rows.Scan(&id, &k.app, &k.facility, &k.control); err != nil {
					rows.Close()
					return err
				}
				ids[k] = id
			}
			if err := rows.Close(); err != nil {
				return err
			}
			for _, m := range chunk {
				k := key{m.SendingApp, m.SendingFacility, m.ControlID}
				if id, ok := ids[k]; ok && stored[k] == nil {
					m.ID = id
					stored[k] = m
					continue
				}
				// Seen before: answer with the first ACK, store nothing.
				m.Duplicate = true
				if first := stored[k]; first != nil { // earlier in this batch
					m.ID, m.Ack, m.AckCode = first.ID, first.Ack, first.AckCode
					continue
				}
				if err := tx.QueryRowContext(ctx, s.q.SelectInboundAck, m.SendingApp, m.SendingFacility, m.ControlID).Scan(&m.ID, &m.Ack, &m.AckCode); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// insertChunk is the most messages one statement stores: a few prepared
// statements cover every batch size, and PostgreSQL's limit of 65,535
// arguments is far away.
const insertChunk = 64

func (s *Store) scanInbound(row scanner) (*chartroom.InboundMessage, error) {
	var m chartroom.InboundMessage
	var raw []byte
	var received, processed dbTime
	err := row.Scan(&m.ID, &m.Channel, &m.Remote, &m.SendingApp, &m.SendingFacility, &m.ControlID, &m.MessageType, &m.PatientKey,
		&raw, &m.Ack, &m.AckCode, &received, &m.Status, &m.Attempts, &m.Error, &processed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("message")
	}
	if err != nil {
		return nil, err
	}
	if m.Raw, err = s.vault.Decrypt(raw, aadMessage); err != nil {
		return nil, err
	}
	m.ReceivedAt, m.ProcessedAt = received.T, processed.ptr()
	return &m, nil
}

// ClaimInbound implements chartroom.InterfaceService. Claimed messages are
// leased for a minute; a worker that dies leaves them to be claimed again.
// Processing therefore must be idempotent, and the record services it
// calls are (an MRN or an account number already on file is updated, not
// added twice).
func (s *Store) ClaimInbound(ctx context.Context, n int, fn func(m *chartroom.InboundMessage) error) (int, error) {
	now := s.clock()
	var claimed []*chartroom.InboundMessage
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q.ClaimInbound, s.d.Time(now.Add(time.Minute)), s.d.Time(now), n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			m, err := s.scanInbound(rows)
			if err != nil {
				return err
			}
			claimed = append(claimed, m)
		}
		return rows.Err()
	})
	if err != nil {
		return 0, chartroom.E("interface.claim", err)
	}
	sort.Slice(claimed, func(i, j int) bool { return claimed[i].ID < claimed[j].ID })
	for _, m := range claimed {
		status, msg := chartroom.MessageProcessed, ""
		if err := fn(m); errors.Is(err, chartroom.ErrRequeue) {
			if err := s.Transact(ctx, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, s.q.RequeueInbound, m.ID)
				return err
			}); err != nil {
				return 0, chartroom.E("interface.requeue", err)
			}
			continue
		} else if err != nil {
			status, msg = chartroom.MessageError, chartroom.ErrorMessage(err)
			if chartroom.ErrorKind(err) == chartroom.KindOther {
				msg = err.Error()
			}
		}
		if err := s.Transact(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q.FinishInbound, status, msg, s.d.Time(s.clock()), m.ID)
			return err
		}); err != nil {
			return 0, chartroom.E("interface.finish", err)
		}
	}
	return len(claimed), nil
}

// InboundMessage implements chartroom.InterfaceService.
func (s *Store) InboundMessage(ctx context.Context, id int64) (*chartroom.InboundMessage, error) {
	m, err := s.scanInbound(s.rdb.QueryRowContext(ctx, s.q.SelectInbound, id))
	return m, chartroom.E("interface.read", err)
}

// FindInbound implements chartroom.InterfaceService.
func (s *Store) FindInbound(ctx context.Context, status, channel string, limit int) ([]*chartroom.InboundMessage, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.FindInbound, status, channel, chartroom.PageLimit(limit))
	if err != nil {
		return nil, chartroom.E("interface.find", err)
	}
	defer rows.Close()
	var out []*chartroom.InboundMessage
	for rows.Next() {
		m, err := s.scanInbound(rows)
		if err != nil {
			return nil, chartroom.E("interface.find", err)
		}
		out = append(out, m)
	}
	return out, chartroom.E("interface.find", rows.Err())
}

// Reprocess implements chartroom.InterfaceService.
func (s *Store) Reprocess(ctx context.Context, id int64) error {
	return chartroom.E("interface.reprocess", s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.ReprocessInbound, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "only a message in error or rejected can be reprocessed"}
		}
		return nil
	}))
}

// ChannelStats implements chartroom.InterfaceService.
func (s *Store) ChannelStats(ctx context.Context) ([]*chartroom.ChannelStats, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.InboundStats)
	if err != nil {
		return nil, chartroom.E("interface.stats", err)
	}
	defer rows.Close()
	by := map[string]*chartroom.ChannelStats{}
	for rows.Next() {
		var ch, status, code string
		var n int64
		var last dbTime
		if err := rows.Scan(&ch, &status, &code, &n, &last); err != nil {
			return nil, err
		}
		c := by[ch]
		if c == nil {
			c = &chartroom.ChannelStats{Channel: ch, AckCodes: map[string]int{}}
			by[ch] = c
		}
		c.Received += n
		c.AckCodes[code] += int(n)
		switch status {
		case chartroom.MessageReceived, "processing":
			c.Pending += n
		case chartroom.MessageError:
			c.Errors += n
		case chartroom.MessageRejected:
			c.Rejected += n
		}
		if last.Valid && (c.LastMessage == nil || last.T.After(*c.LastMessage)) {
			t := last.T
			c.LastMessage = &t
		}
	}
	out := make([]*chartroom.ChannelStats, 0, len(by))
	for _, c := range by {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Channel < out[j].Channel })
	return out, rows.Err()
}
