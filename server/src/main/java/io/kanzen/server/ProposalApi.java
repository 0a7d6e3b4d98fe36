package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Proposal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/proposals}: manual mode. What checks with automatic download off would have sent, to approve (sent
 * like the monitor sends, once) or reject (blocklisted, so the next check chooses another release).
 */
final class ProposalApi {
    private final Kanzen kanzen;

    ProposalApi(Kanzen kanzen) {
        this.kanzen = kanzen;
    }

    void register(RoutesConfig r) {
        r.get("/api/proposals", ctx -> {
            if ("decided".equals(ctx.queryParam("state"))) {
                decided(ctx);
                return;
            }
            // ?state=all lists the approved, rejected and superseded ones too
            List<Proposal> list = "all".equals(ctx.queryParam("state")) ? kanzen.allProposals() : kanzen.proposals();
            ctx.json(Map.of("proposals", list.stream().map(ProposalApi::json).toList(),
                    "pending", list.stream().filter(p -> p.state() == Proposal.State.PENDING).count(),
                    "auto_download", kanzen.monitorConfig().autoDownload()));
        });
        r.post("/api/proposals/approve-all", ctx -> {
            List<Proposal> done = kanzen.approveAllProposals();
            long sent = done.stream().filter(p -> p.state() == Proposal.State.APPROVED).count();
            ctx.json(Map.of("proposals", done.stream().map(ProposalApi::json).toList(), "sent", sent, "not_sent", done.size() - sent));
        });
        r.post("/api/proposals/{id}/approve", ctx -> {
            long id = id(ctx);
            try {
                Grab g = kanzen.approveProposal(id);
                ctx.json(Map.of("grab", Api.grab(g), "proposal", json(find(id))));
            } catch (GrabConflictException e) { // its volume owned or grabbed since: a conflict, the proposal withdrawn
                Map<String, Object> params = new LinkedHashMap<>(e.params());
                params.put("reason", e.reason().name().toLowerCase(Locale.ROOT));
                throw new ApiException(409, "proposal.conflict", params, e.getMessage(), null);
            } catch (KanzenException e) {
                throw conflictWhenNotPending(e);
            }
        });
        r.post("/api/proposals/{id}/reject", ctx -> {
            try {
                ctx.json(Map.of("proposal", json(kanzen.rejectProposal(id(ctx)))));
            } catch (KanzenException e) {
                throw conflictWhenNotPending(e);
            }
        });
        registerUnreject(r);
    }

    // ---- branch uiextras: the decided proposals (newest first, with their download's state) and taking a rejection back

    /**
     * {@code ?state=decided&limit=N}: the proposals no longer pending, the most recently decided first (50 unless
     * said, at most {@value Proposals#MAX_DECIDED}), an approved one with the state of the download it made.
     */
    private void decided(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        Map<Long, Grab> grabs = new HashMap<>();
        kanzen.downloads().forEach(d -> grabs.put(d.grab().id(), d.grab()));
        List<Map<String, Object>> out = kanzen.decidedProposals(limit).stream().map(p -> {
            Map<String, Object> m = json(p);
            Grab g = p.grabId() == null ? null : grabs.get(p.grabId());
            m.put("grab_state", g == null ? null : g.state().name().toLowerCase(Locale.ROOT));
            return m;
        }).toList();
        ctx.json(Map.of("proposals", out, "limit", limit));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 50;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1 || v > Proposal.MOST_DECIDED_LISTED) {
                throw ApiException.badInput("limit", "input.range", Map.of("min", 1, "max", Proposal.MOST_DECIDED_LISTED),
                        "limit is between 1 and " + Proposal.MOST_DECIDED_LISTED);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badInput("limit", "input.wholeNumber", null, "limit is a whole number");
        }
    }

    /** {@code POST /api/proposals/{id}/unreject}: the release off the blocklist, the proposal pending again (or superseded, with why). */
    private void registerUnreject(RoutesConfig r) {
        r.post("/api/proposals/{id}/unreject", ctx -> {
            try {
                ctx.json(Map.of("proposal", json(kanzen.unrejectProposal(id(ctx)))));
            } catch (KanzenException e) {
                throw e.code().equals("proposal.notRejected") ? new ApiException(409, e.code(), e.params(), e.getMessage(), null) : e;
            }
        });
    }

    // ---- end of branch uiextras

    /** A proposal already approved, rejected or superseded is a conflict (409); the rest goes to the common handlers. */
    private static RuntimeException conflictWhenNotPending(KanzenException e) {
        return e.code().equals("proposal.notPending") ? new ApiException(409, e.code(), e.params(), e.getMessage(), null) : e;
    }

    private Proposal find(long id) {
        return kanzen.allProposals().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new ApiException(404, "proposal.notFound", Map.of("id", id), "no proposal with id " + id, null));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badInput("id", "input.number", null, "id is a number");
        }
    }

    static Map<String, Object> json(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("series_id", p.seriesId());
        m.put("series_title", p.seriesTitle());
        m.put("volume", p.volume().toString());
        m.put("release", p.releaseTitle());
        m.put("source", p.source());
        m.put("link", p.link());
        m.put("link_kind", p.linkKind());
        m.put("size", p.size());
        m.put("seeders", p.seeders());
        m.put("score", p.score());
        m.put("score_parts", p.scoreParts());
        m.put("state", p.state().name().toLowerCase(Locale.ROOT));
        m.put("reason", p.reason());
        m.put("reason_code", p.reasonCode());
        m.put("grab_id", p.grabId());
        m.put("created_at", p.createdAt().toString());
        m.put("updated_at", p.updatedAt().toString());
        return m;
    }
}
