// Tests import the sources (no top-level await there), so pick the backend DL_BACKEND names first.
import { ready } from '../../src/backend/backend';

await ready();
