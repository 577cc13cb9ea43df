package http

import "github.com/chartroom/chartroom/auth"

// RouteInfo describes a route to the external tests.
type RouteInfo struct {
	Pattern string
	Public  bool
	Action  auth.Action
}

// Routes lists the server's routes with their rules, for tests.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, rt := range s.routes {
		out = append(out, RouteInfo{rt.pattern, rt.rule.public, rt.rule.action})
	}
	return out
}
