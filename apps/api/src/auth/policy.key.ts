/** Metadata key under which @Policy stores a route's policy name. */
export const POLICY_KEY = 'zw:policy';
