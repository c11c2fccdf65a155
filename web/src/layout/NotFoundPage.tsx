import { Link } from 'react-router-dom';
import { PageHeading } from '../common/PageHeading.tsx';
import { useT } from '../i18n/useT.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('bo.notFound.title')} />
      <p>{t('bo.notFound.text')}</p>
      <p>
        <Link to="/">{t('bo.notFound.home')}</Link>
      </p>
    </>
  );
}
