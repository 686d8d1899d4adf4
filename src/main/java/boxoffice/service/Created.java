package boxoffice.service;

/** A created resource, and whether this answer replays an earlier request's creation. */
public record Created<T>(T value, boolean replayed) {}
