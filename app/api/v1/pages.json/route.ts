export { GET } from '@/app/api/v1/pages/route';

export const dynamic = 'force-dynamic';
