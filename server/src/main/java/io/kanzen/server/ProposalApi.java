package io.kanzen.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.kanzen.core.Grab;
import io.kanzen.core.GrabConflictException;
import io.kanzen.core.Kanzen;
import io.kanzen.core.KanzenException;
import io.kanzen.core.Proposal;
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
            } catch (GrabConflictException e) {
                conflict(ctx, "proposal.conflict", e.getMessage(), Map.of("reason", e.reason().name().toLowerCase(Locale.ROOT)));
            } catch (KanzenException e) {
                notPending(ctx, id, e);
            }
        });
        r.post("/api/proposals/{id}/reject", ctx -> {
            long id = id(ctx);
            try {
                ctx.json(Map.of("proposal", json(kanzen.rejectProposal(id))));
            } catch (KanzenException e) {
                notPending(ctx, id, e);
            }
        });
    }

    /** A proposal already approved, rejected or superseded is a conflict; anything else goes to the common handlers. */
    private void notPending(Context ctx, long id, KanzenException e) {
        Proposal p = kanzen.allProposals().stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (p == null || e.getCause() != null || p.state() == Proposal.State.PENDING) {
            throw e; // unknown (404), or the client's failure (kept pending): said as every other error is
        }
        conflict(ctx, "proposal.not_pending", e.getMessage(), Map.of("id", id, "state", p.state().name().toLowerCase(Locale.ROOT)));
    }

    private Proposal find(long id) {
        return kanzen.allProposals().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new ApiException(404, "no proposal with id " + id, null));
    }

    private static void conflict(Context ctx, String code, String message, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("code", code);
        m.put("params", params);
        ctx.status(409).json(m);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badInput("id", "id is a number");
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
        m.put("grab_id", p.grabId());
        m.put("created_at", p.createdAt().toString());
        m.put("updated_at", p.updatedAt().toString());
        return m;
    }
}
