package build

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/linkcheck"
	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/schema"
	"github.com/engage-ssg/engage/internal/site"
	"golang.org/x/sync/errgroup"
)

// Check runs every validation and content check of a build, including
// executing every layout, without writing anything. It is engage check.
func Check(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	plan, err := Load(ctx, opts)
	if err != nil {
		return res, err
	}
	res.Problems = plan.Problems
	defer func() { res.Problems = res.Problems.Sort(); res.Elapsed = time.Since(start) }()
	if plan.Site == nil || plan.Problems.Errors() > 0 {
		return res, nil
	}
	r, problems := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, false)
	res.Problems = append(res.Problems, problems...)
	if problems.Errors() > 0 {
		return res, nil
	}
	// Render every page into nothing, so that a layout that fails on one
	// page is found, as a build would find it.
	g, gctx := errgroup.WithContext(ctx)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(workers)
	lists := make([]diag.List, len(plan.Site.Pages))
	inTurn(gctx, g, len(plan.Site.Pages), workers, func(i int) error {
		_, err := r.Page(plan.Site.Pages[i])
		var list diag.List
		if errors.As(err, &list) {
			lists[i] = list
			return nil
		}
		return err
	})
	if err := g.Wait(); err != nil {
		return res, err
	}
	for _, l := range lists {
		res.Problems = append(res.Problems, l...)
	}
	res.Pages = len(plan.Site.Pages)
	if opts.ExternalLinks {
		res.Problems = append(res.Problems, linkcheck.Check(ctx, externalLinks(plan.Site), linkcheck.Options{})...)
	}
	return res, nil
}

// externalLinks lists every use of an address on another site: links in
// bodies, documents, ways to respond, joining and booking links.
func externalLinks(s *site.Site) []linkcheck.Link {
	var out []linkcheck.Link
	seen := map[*content.Page]bool{}
	web := func(u string) bool { return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") }
	for _, p := range s.Pages {
		cp := p.Source
		if cp == nil || seen[cp] {
			continue
		}
		seen[cp] = true
		if cp.Body != nil {
			for _, l := range cp.Body.Links {
				if web(l.Dest) {
					line, col := cp.FilePos(l.Line, l.Col)
					out = append(out, linkcheck.Link{URL: l.Dest, Path: cp.Path, Line: line, Col: col})
				}
			}
		}
		var positions schema.Positions // read once, when a field has a web address
		field := func(key, u string) {
			if web(u) {
				if positions == nil {
					positions = cp.Positions()
				}
				pos := positions.Of(key, schema.Pos{Line: 2, Col: 1})
				out = append(out, linkcheck.Link{URL: u, Path: cp.Path, Line: pos.Line, Col: pos.Col, Field: key})
			}
		}
		for i, d := range cp.Meta.Documents {
			field(fmt.Sprintf("documents.%d.url", i), d.URL)
		}
		if c := cp.Fields.Campaign; c != nil {
			field("how_to_respond.online", c.HowToRespond.Online)
		}
		if e := cp.Fields.Event; e != nil {
			field("online_url", e.OnlineURL)
			field("booking.url", e.Booking.URL)
		}
	}
	return out
}
