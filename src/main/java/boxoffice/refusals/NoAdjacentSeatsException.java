package boxoffice.refusals;

/** Enough seats are free in the section, but not that many next to each other in one row; nothing was held. */
public final class NoAdjacentSeatsException extends BoxOfficeException {
    private final String section;
    private final int largestBlock;

    public NoAdjacentSeatsException(String section, int requested, int largestBlock) {
        super(ErrorCode.NO_ADJACENT_SEATS,
                "No " + requested + " seats together in section " + section + "; the largest block free is "
                + largestBlock);
        this.section = section;
        this.largestBlock = largestBlock;
    }

    public String section() {
        return section;
    }

    public int largestBlock() {
        return largestBlock;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.section(section).largestBlock(largestBlock);
    }
}
