-- R-COVERAGE: the rural organizations that have at least one pairing unit. An org is covered
-- while it is the rural side of an accepted intention (a renewal is one too) in a round that has
-- opened and is not closed. A town is covered only when it is paired itself (a street ↔ a town);
-- pairing its villages does not cover the town, and pairing the town does not cover its villages.
CREATE OR REPLACE VIEW covered_orgs AS
SELECT DISTINCT i.rural_org_id AS org_id
FROM intentions i
JOIN rounds r ON r.id = i.round_id
WHERE i.state = 'accepted' AND r.state NOT IN ('draft', 'closed');
