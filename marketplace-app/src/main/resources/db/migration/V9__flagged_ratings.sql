-- The reviewers' moderation queue reads flagged ratings across all programs, longest unchanged first.
create index rating_view_flagged on rating_view (flag_count, updated_at, rating_id);
