// The demo account and workspace, apart from the seeding code so that browser tests (which run
// outside the react-server condition, where server-only modules refuse to load) can name them.
export const DEMO_USER = { email: 'demo@marginalia.local', password: 'marginalia-demo', name: 'Demo Reviewer' };
export const DEMO_WORKSPACE = { slug: 'demo', name: 'Demo newsroom' };
