import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { CaseDetailPage } from './cases/CaseDetailPage.tsx';
import { CaseQueuePage } from './cases/CaseQueuePage.tsx';
import { NewCasePage } from './cases/NewCasePage.tsx';
import { ReferralInboxPage } from './cases/ReferralInboxPage.tsx';
import { RequireAuth, RequirePermission } from './auth/RequireAuth.tsx';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { HomePage } from './home/HomePage.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { Layout } from './layout/Layout.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { HelpDeskListPage } from './network/HelpDeskListPage.tsx';
import { HelpDeskPage } from './network/HelpDeskPage.tsx';
import { NetworkImportPage } from './network/NetworkImportPage.tsx';
import { NetworkMapPage } from './network/NetworkMapPage.tsx';
import { NetworkPage } from './network/NetworkPage.tsx';
import { OrganisationPage } from './network/OrganisationPage.tsx';
import { ProfilePage } from './profile/ProfilePage.tsx';
import { CreateUserPage } from './users/CreateUserPage.tsx';
import { UserDetailPage } from './users/UserDetailPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { StatsPage } from './stats/StatsPage.tsx';

/** Served under /app/ (vite `base`); every route below is relative to it. */
const BASENAME = '/app';

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter basename={BASENAME}>
          <Routes>
            <Route element={<Layout />}>
              <Route path="login" element={<LoginPage />} />
              <Route element={<RequireAuth />}>
                <Route index element={<HomePage />} />
                <Route
                  path="users"
                  element={
                    <RequirePermission permission="users.read">
                      <UsersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users/new"
                  element={
                    <RequirePermission permission="users.manage">
                      <CreateUserPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users/:id"
                  element={
                    <RequirePermission permission="users.read">
                      <UserDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="stats"
                  element={
                    <RequirePermission permission="aggregates.read">
                      <StatsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequirePermission permission="audit.read">
                      <AuditPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network"
                  element={
                    <RequirePermission permission="organisations.read">
                      <NetworkPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/map"
                  element={
                    <RequirePermission permission="organisations.read">
                      <NetworkMapPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/import"
                  element={
                    <RequirePermission permission="network.manage">
                      <NetworkImportPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/organisations/new"
                  element={
                    <RequirePermission permission="network.manage">
                      <OrganisationPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/organisations/:id"
                  element={
                    <RequirePermission permission="organisations.read">
                      <OrganisationPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/organisations/:organisationId/help-desks/new"
                  element={
                    <RequirePermission permission="network.edit">
                      <HelpDeskPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/help-desks"
                  element={
                    <RequirePermission permission="organisations.read">
                      <HelpDeskListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="network/help-desks/:id"
                  element={
                    <RequirePermission permission="organisations.read">
                      <HelpDeskPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases"
                  element={
                    <RequirePermission permission="cases.read">
                      <CaseQueuePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/new"
                  element={
                    <RequirePermission permission="cases.intake">
                      <NewCasePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/referrals"
                  element={
                    <RequirePermission permission="cases.read">
                      <ReferralInboxPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/:id"
                  element={
                    <RequirePermission permission="cases.read">
                      <CaseDetailPage />
                    </RequirePermission>
                  }
                />
                <Route path="profile" element={<ProfilePage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
