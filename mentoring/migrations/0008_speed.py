"""Speed: the index that finds a match's first and last rating of a goal.

The coordinator's overview takes each (match, goal) pair's first and last
rating by id; with id in the index that is two seeks on both databases
(PostgreSQL cannot order by id from an index on (match, goal) alone). It
replaces the (match, goal) index, which it covers.
"""


def up(migrator, db):
    migrator.migrate(
        migrator.add_index("goal_ratings", ("match_id", "goal_id", "id")),
        migrator.drop_index("goal_ratings", "goal_ratings_match_id_goal_id"),
    )
