package io.kanzen.api.scoring;

/** One line of a score's breakdown: {@code +40 series: title matches "One Piece" exactly}. */
public record ScoreComponent(String name, int points, String why) {
    public ScoreComponent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a score component has a name");
        }
        why = why == null ? "" : why;
    }
}
