package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

var aadLinkSecret = []byte("release.link")

// CreateReleaseLink stores a download link for a request: the token's
// SHA-256 and the packet password, sealed.
func (s *Store) CreateReleaseLink(ctx context.Context, l *roi.Link, token string, by int64) error {
	const op = "release.link"
	if l.MaxDownloads <= 0 || l.MaxDownloads > 20 {
		return chartroom.E(op, chartroom.Invalid("max_downloads", "from 1 to 20"))
	}
	if !l.ExpiresAt.After(s.clock()) || l.ExpiresAt.After(s.clock().AddDate(0, 0, 31)) {
		return chartroom.E(op, chartroom.Invalid("expires_at", "a link expires within 31 days"))
	}
	secret, err := s.sealJSON(l.Password, aadLinkSecret)
	if err != nil {
		return chartroom.E(op, err)
	}
	h := sha256.Sum256([]byte(token))
	err = s.db.QueryRowContext(ctx, s.q.InsertReleaseLink, l.RequestID, h[:], secret, s.d.Time(l.ExpiresAt.UTC()), l.MaxDownloads, nullInt(by), s.d.Time(s.clock())).Scan(&l.ID)
	return chartroom.E(op, err)
}

// TakeReleaseLink counts one download of the link with token and returns
// it. A link that does not exist (mistyped or tampered with) is NotFound;
// one that expired, was used up or was revoked is Gone, saying which, so the
// recipient knows to ask the sender for a new one.
func (s *Store) TakeReleaseLink(ctx context.Context, token string) (*roi.Link, error) {
	const op = "release.download"
	h := sha256.Sum256([]byte(token))
	var l roi.Link
	var secret []byte
	var exp dbTime
	err := s.db.QueryRowContext(ctx, s.q.TakeReleaseLink, h[:], s.d.Time(s.clock())).Scan(&l.ID, &l.RequestID, &secret, &l.Downloads, &l.MaxDownloads, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E(op, s.whyNotLink(ctx, h[:]))
	}
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	l.ExpiresAt = exp.T
	if err := s.openJSON(secret, aadLinkSecret, &l.Password); err != nil {
		return nil, chartroom.E(op, err)
	}
	return &l, nil
}

// RevokeReleaseLinks ends every link of a request.
func (s *Store) RevokeReleaseLinks(ctx context.Context, requestID int64) error {
	_, err := s.db.ExecContext(ctx, s.q.RevokeReleaseLinks, requestID)
	return chartroom.E("release.revoke", err)
}

func (s *Store) whyNotLink(ctx context.Context, hash []byte) error {
	var downloads, max int
	var exp dbTime
	var revoked bool
	err := s.db.QueryRowContext(ctx, s.q.SelectReleaseLink, hash).Scan(&downloads, &max, &exp, &revoked)
	if err != nil {
		return &chartroom.Error{Kind: chartroom.KindNotFound, Field: "token", Message: "no such download link: check that the whole link was copied"}
	}
	gone := func(why string) error {
		return &chartroom.Error{Kind: chartroom.KindGone, Field: "token", Message: "this download link " + why + "; ask the sender for a new one"}
	}
	switch {
	case revoked:
		return gone("was withdrawn by the sender")
	case downloads >= max:
		return gone("has been used the " + itoa(max) + " times it allows")
	default:
		return gone("expired on " + exp.T.Format("2006-01-02 15:04 MST"))
	}
}
