package audit

import "context"

// Actor is who is acting, carried in the request's context so that the
// audit decorators can record it.
type Actor struct {
	UserID    int64
	Username  string
	Role      string
	IP        string
	UserAgent string
	Purpose   string // purpose of use
	Reason    string // break-the-glass or disclosure reason
}

type actorKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor in ctx, if any.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok
}
